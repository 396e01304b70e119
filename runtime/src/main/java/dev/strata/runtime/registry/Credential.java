package dev.strata.runtime.registry;

import dev.strata.domain.Values;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A user name and password (or token) for one registry. {@link #toString()} never shows the secret.
 */
public record Credential(String username, String password) {
  public Credential {
    Values.required(username, "registry user name");
    Values.required(password, "registry password");
  }

  /** The value of an {@code Authorization: Basic} header. */
  String basicHeader() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Credential[username=" + username + ", password=****]";
  }
}
