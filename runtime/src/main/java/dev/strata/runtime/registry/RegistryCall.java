package dev.strata.runtime.registry;

import java.io.FileNotFoundException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One registry request as data: what it does (for error messages), where it goes, its headers and
 * body, and the token scopes it needs ({@code repository:<path>:pull,push}).
 */
record RegistryCall(
    String action,
    String ref,
    String method,
    String host,
    URI uri,
    Map<String, String> headers,
    Body body,
    Set<String> scopes) {

  /** A request body that can be sent again on a retry. */
  interface Body {
    HttpRequest.BodyPublisher publisher() throws FileNotFoundException;

    static Body of(byte[] bytes) {
      byte[] copy = bytes.clone();
      return () -> HttpRequest.BodyPublishers.ofByteArray(copy);
    }

    static Body of(Path file) {
      return () -> HttpRequest.BodyPublishers.ofFile(file);
    }
  }

  RegistryCall {
    headers = Map.copyOf(headers);
    scopes = Set.copyOf(scopes);
  }

  static RegistryCall of(String action, String ref, String method, String host, URI uri) {
    return new RegistryCall(action, ref, method, host, uri, Map.of(), null, Set.of());
  }

  RegistryCall header(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new RegistryCall(action, ref, method, host, uri, more, body, scopes);
  }

  RegistryCall body(Body newBody) {
    return new RegistryCall(action, ref, method, host, uri, headers, newBody, scopes);
  }

  RegistryCall scope(String scope) {
    Set<String> more = new TreeSet<>(scopes);
    more.add(scope);
    return new RegistryCall(action, ref, method, host, uri, headers, body, more);
  }

  RegistryCall to(String newMethod, URI newUri) {
    return new RegistryCall(action, ref, newMethod, host, newUri, headers, body, scopes);
  }
}
