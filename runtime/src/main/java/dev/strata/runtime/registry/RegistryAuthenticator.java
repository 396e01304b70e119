package dev.strata.runtime.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Authorizes registry requests. A registry's scheme is learnt from its first {@code 401}: {@code
 * Basic} sends the configured credential; {@code Bearer} fetches a token from the challenge's
 * {@code realm} with its {@code service} and the request's scopes (sending the credential, if any,
 * as Basic to the token endpoint) and caches it per host and scope set until shortly before it
 * expires. Tokens and passwords are never logged.
 */
final class RegistryAuthenticator {
  private static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(60);
  private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(10);

  private final RegistryCredentials credentials;
  private final HttpClient http;
  private final Clock clock;
  private final Duration timeout;
  private final ObjectMapper json = new ObjectMapper();
  private final ConcurrentMap<String, AuthChallenge> challengeByHost = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Token> tokens = new ConcurrentHashMap<>();

  private record Token(String value, Instant expires) {}

  RegistryAuthenticator(
      RegistryCredentials credentials, HttpClient http, Clock clock, Duration timeout) {
    this.credentials = credentials;
    this.http = http;
    this.clock = clock;
    this.timeout = timeout;
  }

  /** The {@code Authorization} header for a request to {@code host} needing {@code scopes}. */
  Optional<String> header(String host, Set<String> scopes) throws RegistryException {
    AuthChallenge challenge = challengeByHost.get(host);
    if (challenge == null) {
      return Optional.empty();
    }
    if (challenge.isBasic()) {
      return credentials.forHost(host).map(Credential::basicHeader);
    }
    if (challenge.isBearer()) {
      return Optional.of("Bearer " + token(host, challenge, scopes));
    }
    return Optional.empty();
  }

  /**
   * Learns from a {@code 401}'s {@code WWW-Authenticate}. Returns the scopes to authorize the retry
   * with (the request's plus the challenge's), or empty when retrying cannot help ({@code sent}
   * says whether the refused request carried credentials already).
   */
  Optional<Set<String>> learn(
      String host, Set<String> scopes, String wwwAuthenticate, boolean sent) {
    Optional<AuthChallenge> parsed = AuthChallenge.parse(wwwAuthenticate);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    AuthChallenge challenge = parsed.get();
    challengeByHost.put(host, challenge);
    Set<String> retryScopes = new TreeSet<>(scopes);
    if (challenge.isBearer()) {
      String wanted = challenge.param("scope");
      if (wanted != null && !wanted.isBlank()) {
        retryScopes.addAll(Set.of(wanted.trim().split(" +")));
      }
      // a refused token may have expired early or lacked a scope: the retry fetches a fresh one
      tokens.remove(tokenKey(host, retryScopes));
      return Optional.of(retryScopes);
    }
    if (challenge.isBasic()) {
      boolean canSend = credentials.forHost(host).isPresent() && !sent;
      return canSend ? Optional.of(retryScopes) : Optional.empty();
    }
    return Optional.empty();
  }

  private String token(String host, AuthChallenge challenge, Set<String> scopes)
      throws RegistryException {
    String key = tokenKey(host, scopes);
    Token cached = tokens.get(key);
    Instant now = clock.instant();
    if (cached != null && now.isBefore(cached.expires())) {
      return cached.value();
    }
    Token fresh = fetchToken(host, challenge, scopes, now);
    tokens.put(key, fresh);
    return fresh.value();
  }

  private Token fetchToken(String host, AuthChallenge challenge, Set<String> scopes, Instant now)
      throws RegistryException {
    String realm = challenge.param("realm");
    String what = "scope " + String.join(" ", scopes) + " on " + host;
    if (realm == null || realm.isBlank()) {
      throw new RegistryException(
          "fetch a token for", what, 401, null, "the Bearer challenge names no realm", null);
    }
    StringBuilder query = new StringBuilder();
    String service = challenge.param("service");
    if (service != null) {
      query.append("service=").append(encode(service));
    }
    for (String scope : scopes) {
      query.append(query.length() == 0 ? "" : "&").append("scope=").append(encode(scope));
    }
    URI uri = URI.create(realm + (realm.contains("?") ? "&" : "?") + query);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
    credentials.forHost(host).ifPresent(c -> request.header("Authorization", c.basicHeader()));
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new RegistryException(
          "fetch a token for",
          what,
          RegistryException.NO_RESPONSE,
          null,
          uri.getHost() + ": " + e,
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException(
          "fetch a token for", what, RegistryException.NO_RESPONSE, null, "interrupted", e);
    }
    if (response.statusCode() != 200) {
      RegistryErrors.Parsed error = RegistryErrors.parse(response.body());
      throw new RegistryException(
          "fetch a token for", what, response.statusCode(), error.code(), error.message(), null);
    }
    return parseToken(response.body(), what, now);
  }

  private Token parseToken(byte[] body, String what, Instant now) throws RegistryException {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (IOException e) {
      throw new RegistryException(
          "fetch a token for", what, 200, null, "the answer is not JSON", e);
    }
    String token = root.path("token").asText(root.path("access_token").asText(""));
    if (token.isEmpty()) {
      throw new RegistryException(
          "fetch a token for", what, 200, null, "the answer holds no token", null);
    }
    long seconds = root.path("expires_in").asLong(DEFAULT_TOKEN_LIFETIME.toSeconds());
    Duration lifetime = Duration.ofSeconds(Math.max(seconds, EXPIRY_MARGIN.toSeconds() + 1));
    return new Token(token, now.plus(lifetime).minus(EXPIRY_MARGIN));
  }

  private static String tokenKey(String host, Set<String> scopes) {
    return host + " " + String.join(" ", new TreeSet<>(scopes));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
