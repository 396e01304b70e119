package dev.strata.runtime.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reads the registry's error body {@code {"errors":[{"code":..,"message":..}]}}. */
final class RegistryErrors {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Parsed(String code, String message) {}

  private RegistryErrors() {}

  static Parsed parse(byte[] body) {
    if (body == null || body.length == 0) {
      return new Parsed(null, null);
    }
    try {
      JsonNode first = JSON.readTree(body).path("errors").path(0);
      if (first.isMissingNode()) {
        return new Parsed(null, null);
      }
      String code = first.path("code").asText(null);
      String message = first.path("message").asText(null);
      return new Parsed(code, message);
    } catch (IOException e) {
      return new Parsed(null, null);
    }
  }
}
