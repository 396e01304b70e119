package dev.strata.darwin.adapter.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers registry challenges ({@code WWW-Authenticate}): Basic with the host's credentials, or
 * Bearer with a token from the realm (anonymous when there are no credentials). Authorization
 * headers are cached per host and repository scope. Secrets are never logged or put in messages.
 */
final class RegistryAuth {
  private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  /** A user and password (or token) for one registry host. */
  record Credentials(String user, String password) {
    @Override
    public String toString() {
      return "Credentials[user=" + user + ", password=***]";
    }
  }

  private final HttpClient http;
  private final Function<String, Optional<Credentials>> credentials;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, String> headers = new ConcurrentHashMap<>();

  RegistryAuth(HttpClient http, Function<String, Optional<Credentials>> credentials) {
    this.http = http;
    this.credentials = credentials;
  }

  /** The cached header for {@code host} and {@code path}, if a challenge was answered before. */
  Optional<String> header(String host, String path) {
    return Optional.ofNullable(headers.get(host + "/" + path));
  }

  /** Answers {@code challenge} and returns the header to retry with, or empty if it cannot. */
  Optional<String> answer(String host, String path, String challenge)
      throws IOException, InterruptedException {
    if (challenge == null) {
      return Optional.empty();
    }
    Optional<Credentials> creds = credentials.apply(host);
    String header;
    if (challenge.regionMatches(true, 0, "Basic", 0, 5)) {
      if (creds.isEmpty()) {
        return Optional.empty();
      }
      header = basic(creds.get());
    } else if (challenge.regionMatches(true, 0, "Bearer", 0, 6)) {
      header = "Bearer " + token(challenge, path, creds);
    } else {
      return Optional.empty();
    }
    headers.put(host + "/" + path, header);
    return Optional.of(header);
  }

  private String token(String challenge, String path, Optional<Credentials> creds)
      throws IOException, InterruptedException {
    Map<String, String> params = new LinkedHashMap<>();
    Matcher m = PARAM.matcher(challenge);
    while (m.find()) {
      params.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2));
    }
    String realm = params.get("realm");
    if (realm == null) {
      throw new IOException("the Bearer challenge names no realm");
    }
    StringBuilder url = new StringBuilder(realm).append(realm.contains("?") ? "&" : "?");
    if (params.containsKey("service")) {
      url.append("service=").append(enc(params.get("service"))).append('&');
    }
    url.append("scope=").append(enc("repository:" + path + ":pull,push"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url.toString())).timeout(Duration.ofSeconds(30)).GET();
    creds.ifPresent(c -> request.header("Authorization", basic(c)));
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(
          "the token service " + realm + " answered HTTP " + response.statusCode());
    }
    JsonNode body = json.readTree(response.body());
    JsonNode token = body.hasNonNull("token") ? body.get("token") : body.get("access_token");
    if (token == null) {
      throw new IOException("the token service " + realm + " returned no token");
    }
    return token.asText();
  }

  private static String basic(Credentials c) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((c.user() + ":" + c.password()).getBytes(StandardCharsets.UTF_8));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
