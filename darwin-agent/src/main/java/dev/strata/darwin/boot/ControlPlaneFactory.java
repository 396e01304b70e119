package dev.strata.darwin.boot;

import dev.strata.darwin.port.ControlPlane;
import java.net.URI;

/** Connects to the gateway's agent API; the launcher supplies the implementation. */
@FunctionalInterface
public interface ControlPlaneFactory {
  /** A control plane at {@code gateway} authenticated with {@code token}. */
  ControlPlane connect(URI gateway, String token);

  /** Until the shared agent HTTP client is on main: refuses with a clear message. */
  static ControlPlaneFactory unavailable() {
    return (gateway, token) -> {
      throw new IllegalStateException(
          "Tried to connect to the gateway at "
              + gateway
              + " but failed because: this build has no agent API client yet"
              + " (runtime/agent, branch builder)");
    };
  }
}
