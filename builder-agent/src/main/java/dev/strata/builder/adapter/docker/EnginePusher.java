package dev.strata.builder.adapter.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.builder.port.BuildException;
import dev.strata.builder.port.BuildListener;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.runtime.registry.Credential;
import dev.strata.runtime.registry.RegistryCredentials;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code docker push} without the CLI: {@code POST /images/<repository>/push?tag=<tag>} on the
 * engine socket with the registry credentials in {@code X-Registry-Auth} (the header the CLI builds
 * from the same {@code config.json}). The engine answers with JSON progress lines; the last one's
 * {@code aux.Digest} is the pushed manifest's digest, so no HEAD is needed afterwards.
 */
final class EnginePusher {
  private final EngineSocket engine;
  private final RegistryCredentials credentials;
  private final ObjectMapper json;

  EnginePusher(EngineSocket engine, RegistryCredentials credentials, ObjectMapper json) {
    this.engine = engine;
    this.credentials = credentials;
    this.json = json;
  }

  /** Pushes the local image {@code ref} (a tag) and returns the digest the engine pushed. */
  Optional<Digest> push(ImageRef ref, BuildListener listener) throws BuildException {
    String path =
        "/images/"
            + ref.repository()
            + "/push?tag="
            + URLEncoder.encode(ref.tag(), StandardCharsets.UTF_8);
    EngineSocket.Response r;
    try {
      r = engine.call("POST", path, Map.of("X-Registry-Auth", auth(ref.registry())));
    } catch (IOException e) {
      throw new BuildException(
          "push",
          "Tried to push " + ref + " through " + engine + " but failed because: " + e.getMessage(),
          List.of(),
          true,
          e);
    }
    List<String> lines = new ArrayList<>();
    Optional<Digest> digest = Optional.empty();
    for (String line : r.text().split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n;
      try {
        n = json.readTree(line);
      } catch (IOException e) {
        lines.add(line);
        continue;
      }
      if (n.hasNonNull("error")) {
        lines.add(n.get("error").asText());
        throw new BuildException(
            "push",
            "Tried to push " + ref + " but failed because: " + n.get("error").asText(),
            lines,
            true,
            null);
      }
      String status = n.path("status").asText("");
      if (!status.isEmpty()) {
        String text = (n.path("id").asText("") + " " + status).trim();
        lines.add(text);
        listener.line(text);
      }
      String d = n.path("aux").path("Digest").asText("");
      if (d.startsWith("sha256:")) {
        digest = Optional.of(Digest.of(d));
      }
    }
    if (!r.ok()) {
      throw new BuildException(
          "push",
          "Tried to push " + ref + " but failed because: the engine answered " + r.status(),
          lines,
          r.status() >= 500,
          null);
    }
    return digest;
  }

  /** base64url of {@code {"username","password","serveraddress"}}; {@code {}} without one. */
  String auth(String host) {
    ObjectNode a = json.createObjectNode();
    Optional<Credential> c = credentials.forHost(host);
    if (c.isPresent()) {
      a.put("username", c.get().username());
      a.put("password", c.get().password());
      a.put("serveraddress", host);
    }
    try {
      return Base64.getUrlEncoder().encodeToString(json.writeValueAsBytes(a));
    } catch (IOException e) {
      throw new IllegalStateException("Jackson cannot write a two-field object", e);
    }
  }
}
