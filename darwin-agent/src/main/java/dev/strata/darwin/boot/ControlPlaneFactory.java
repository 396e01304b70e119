package dev.strata.darwin.boot;

import dev.strata.darwin.adapter.http.GatewayControlPlane;
import dev.strata.darwin.port.ControlPlane;
import dev.strata.runtime.agent.GatewayClient;
import dev.strata.runtime.serialization.StrataSerializers;
import java.net.URI;
import java.time.Duration;

/** Connects to the gateway's agent API; the launcher chooses the implementation. */
@FunctionalInterface
public interface ControlPlaneFactory {
  /** A control plane at {@code gateway} authenticated with {@code token}. */
  ControlPlane connect(URI gateway, String token);

  /** The gateway's agent API over HTTP ({@link GatewayControlPlane}). */
  static ControlPlaneFactory gateway() {
    return (gateway, token) ->
        new GatewayControlPlane(
            new GatewayClient(gateway, token, StrataSerializers.objectMapper()),
            Duration.ofSeconds(1));
  }
}
