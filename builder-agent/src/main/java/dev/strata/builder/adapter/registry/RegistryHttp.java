package dev.strata.builder.adapter.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.builder.port.RegistryException;
import dev.strata.domain.image.api.ImageRef;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP plumbing of the registry API v2 (distribution): URLs, the bearer-token challenge (anonymous
 * or with basic credentials), status classification. Loopback registries are spoken to over plain
 * HTTP, as dockerd does; every other one over HTTPS. Credentials never reach a message or a log.
 */
final class RegistryHttp {
  static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
  static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
  static final String ACCEPT_MANIFESTS =
      String.join(", ", OCI_INDEX, OCI_MANIFEST, DOCKER_LIST, DOCKER_MANIFEST);

  private static final Pattern CHALLENGE_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private final HttpClient http;
  private final ObjectMapper json;
  private final Function<String, Optional<String>> basicAuth;
  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  /**
   * @param basicAuth the base64 {@code user:password} for a registry host, if any
   */
  RegistryHttp(HttpClient http, ObjectMapper json, Function<String, Optional<String>> basicAuth) {
    this.http = http;
    this.json = json;
    this.basicAuth = basicAuth;
  }

  ObjectMapper json() {
    return json;
  }

  /** {@code <scheme>://<host>/v2/<path>/<suffix>}. */
  URI url(ImageRef repo, String suffix) {
    return URI.create(base(repo.registry()) + "/v2/" + repo.path() + "/" + suffix);
  }

  /** Resolves a {@code Location} header against the registry. */
  URI location(ImageRef repo, String location) {
    return URI.create(base(repo.registry())).resolve(location);
  }

  static String base(String registry) {
    String host = registry.equals("docker.io") ? "registry-1.docker.io" : registry;
    String bare = host.replaceFirst(":\\d+$", "");
    boolean loopback = bare.equals("localhost") || bare.startsWith("127.") || bare.equals("[::1]");
    return (loopback ? "http://" : "https://") + host;
  }

  /**
   * Sends the request {@code request} builds, answering a 401 challenge once.
   *
   * @param action what the caller tries to do, for messages ("resolve quay.io/a/b:c")
   */
  <T> HttpResponse<T> send(
      ImageRef repo,
      Supplier<HttpRequest.Builder> request,
      HttpResponse.BodyHandler<T> body,
      String action)
      throws RegistryException {
    String key = repo.registry() + " " + repo.path();
    HttpResponse<T> response = exchange(request, key, body, action);
    if (response.statusCode() == 401) {
      Optional<String> challenge = response.headers().firstValue("WWW-Authenticate");
      if (challenge.isPresent() && authorize(repo, key, challenge.get(), action)) {
        response = exchange(request, key, body, action);
      }
    }
    return response;
  }

  private <T> HttpResponse<T> exchange(
      Supplier<HttpRequest.Builder> request,
      String key,
      HttpResponse.BodyHandler<T> body,
      String action)
      throws RegistryException {
    HttpRequest.Builder b = request.get().timeout(Duration.ofMinutes(30));
    String auth = tokens.get(key);
    if (auth != null) {
      b.header("Authorization", auth);
    }
    try {
      return http.send(b.build(), body);
    } catch (IOException e) {
      throw new RegistryException(
          "Tried to " + action + " but failed because: " + e.getMessage(), true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException("Tried to " + action + " but was interrupted", false, e);
    }
  }

  private boolean authorize(ImageRef repo, String key, String challenge, String action)
      throws RegistryException {
    Optional<String> basic = basicAuth.apply(repo.registry());
    if (challenge.regionMatches(true, 0, "Basic", 0, 5)) {
      basic.ifPresent(b -> tokens.put(key, "Basic " + b));
      return basic.isPresent();
    }
    if (!challenge.regionMatches(true, 0, "Bearer", 0, 6)) {
      return false;
    }
    Map<String, String> params = new LinkedHashMap<>();
    Matcher m = CHALLENGE_PARAM.matcher(challenge);
    while (m.find()) {
      params.put(m.group(1), m.group(2));
    }
    String realm = params.get("realm");
    if (realm == null) {
      return false;
    }
    String scope = params.getOrDefault("scope", "repository:" + repo.path() + ":pull,push");
    StringBuilder url = new StringBuilder(realm).append(realm.contains("?") ? "&" : "?");
    url.append("scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
    if (params.containsKey("service")) {
      url.append("&service=")
          .append(URLEncoder.encode(params.get("service"), StandardCharsets.UTF_8));
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url.toString())).GET();
    basic.ifPresent(cred -> b.header("Authorization", "Basic " + cred));
    try {
      HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new RegistryException(
            "Tried to "
                + action
                + " but failed because: the token service "
                + realm
                + " answered "
                + r.statusCode(),
            r.statusCode() >= 500);
      }
      JsonNode token = json.readTree(r.body());
      String value = token.hasNonNull("token") ? token.get("token").asText() : null;
      if (value == null && token.hasNonNull("access_token")) {
        value = token.get("access_token").asText();
      }
      if (value == null) {
        return false;
      }
      tokens.put(key, "Bearer " + value);
      return true;
    } catch (IOException e) {
      throw new RegistryException(
          "Tried to " + action + " but failed because: token request: " + e.getMessage(), true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException("Tried to " + action + " but was interrupted", false, e);
    }
  }

  /** A failure for an unexpected status, transient for 429 and 5xx. */
  static RegistryException unexpected(String action, HttpResponse<?> r) {
    String detail = "";
    if (r.body() instanceof byte[] bytes && bytes.length > 0) {
      detail = ": " + new String(bytes, 0, Math.min(bytes.length, 300), StandardCharsets.UTF_8);
    } else if (r.body() instanceof String s && !s.isEmpty()) {
      detail = ": " + s.substring(0, Math.min(s.length(), 300));
    }
    int status = r.statusCode();
    return new RegistryException(
        "Tried to "
            + action
            + " but failed because: "
            + r.request().method()
            + " "
            + r.uri()
            + " answered "
            + status
            + detail,
        status == 429 || status >= 500);
  }
}
