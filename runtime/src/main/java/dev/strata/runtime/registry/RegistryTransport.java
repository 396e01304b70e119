package dev.strata.runtime.registry;

import dev.strata.domain.image.api.ImageRef;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link RegistryCall}s: picks the scheme (plain HTTP for loopback registries and those
 * configured as insecure, HTTPS otherwise), authorizes, follows blob redirects without leaking the
 * {@code Authorization} header to another host, and repeats transient failures (429, 5xx, no
 * answer) with backoff. Other failures become a {@link RegistryException} naming the registry's
 * error code.
 */
public final class RegistryTransport {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryTransport.class);
  private static final int MAX_REDIRECTS = 5;

  private final HttpClient http;
  private final RegistryAuthenticator auth;
  private final RetryPolicy retry;
  private final Set<String> insecureHosts;
  private final Duration timeout;

  /** Creates a transport; no connection is opened until the first call. */
  public RegistryTransport(
      RegistryCredentials credentials,
      RetryPolicy retry,
      Set<String> insecureHosts,
      Duration timeout,
      Clock clock) {
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.retry = retry;
    this.insecureHosts = Set.copyOf(insecureHosts);
    this.timeout = timeout;
    this.auth = new RegistryAuthenticator(credentials, http, clock, timeout);
  }

  /** A transport with the standard retry policy and a 30 s timeout. */
  public static RegistryTransport standard(RegistryCredentials credentials) {
    return new RegistryTransport(
        credentials, RetryPolicy.standard(), Set.of(), Duration.ofSeconds(30), Clock.systemUTC());
  }

  /** The API URI of {@code path} ({@code /v2/...}) on the registry of {@code repository}. */
  URI uri(ImageRef repository, String path) {
    String host = repository.registry();
    String apiHost = "docker.io".equals(host) ? "registry-1.docker.io" : host;
    return URI.create((isPlainHttp(host) ? "http://" : "https://") + apiHost + path);
  }

  /** A call against {@code /v2/<repository path>/<suffix>}. */
  RegistryCall call(String action, String ref, String method, ImageRef repository, String suffix) {
    return RegistryCall.of(
        action,
        ref,
        method,
        repository.registry(),
        uri(repository, "/v2/" + repository.path() + "/" + suffix));
  }

  private boolean isPlainHttp(String host) {
    String name = host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
    return name.equals("localhost") || name.startsWith("127.") || insecureHosts.contains(host);
  }

  /**
   * Sends {@code call} and returns the answer when its status is one of {@code ok}; else throws.
   */
  HttpResponse<byte[]> send(RegistryCall call, Set<Integer> ok) throws RegistryException {
    return withRetries(call, ok, HttpResponse.BodyHandlers.ofByteArray(), HttpResponse::body);
  }

  /** Sends a GET {@code call} and streams a 200 answer's body into {@code target}. */
  void download(RegistryCall call, Path target) throws RegistryException {
    HttpResponse<InputStream> response =
        withRetries(call, Set.of(200), HttpResponse.BodyHandlers.ofInputStream(), r -> drain(r));
    try (InputStream in = response.body()) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new RegistryException(
          call.action(), call.ref(), RegistryException.NO_RESPONSE, null, e.toString(), e);
    }
  }

  private static byte[] drain(HttpResponse<InputStream> response) {
    try (InputStream in = response.body()) {
      return in.readNBytes(64 * 1024);
    } catch (IOException e) {
      return new byte[0];
    }
  }

  private interface ErrorBody<T> {
    byte[] of(HttpResponse<T> response);
  }

  private <T> HttpResponse<T> withRetries(
      RegistryCall call, Set<Integer> ok, HttpResponse.BodyHandler<T> handler, ErrorBody<T> error)
      throws RegistryException {
    for (int attempt = 1; ; attempt++) {
      HttpResponse<T> response;
      try {
        response = exchange(call, handler);
      } catch (IOException e) {
        if (attempt >= retry.maxAttempts()) {
          throw new RegistryException(
              call.action(),
              call.ref(),
              RegistryException.NO_RESPONSE,
              null,
              call.host() + ": " + e,
              e);
        }
        pause(call, attempt, null, "no response (" + e.getClass().getSimpleName() + ")");
        continue;
      } catch (RegistryException e) {
        // the token endpoint failed; its transient failures are retried like the registry's
        if (!e.isTransient() || attempt >= retry.maxAttempts()) {
          throw e;
        }
        pause(call, attempt, null, e.getMessage());
        continue;
      }
      int status = response.statusCode();
      if (ok.contains(status)) {
        return response;
      }
      boolean transientStatus = status == 429 || status >= 500;
      if (transientStatus && attempt < retry.maxAttempts()) {
        error.of(response);
        pause(call, attempt, retryAfter(response), String.valueOf(status));
        continue;
      }
      RegistryErrors.Parsed parsed = RegistryErrors.parse(error.of(response));
      throw new RegistryException(
          call.action(), call.ref(), status, parsed.code(), parsed.message(), null);
    }
  }

  private void pause(RegistryCall call, int attempt, Duration retryAfter, String why)
      throws RegistryException {
    Duration wait = retry.backoff(attempt, retryAfter);
    LOG.info(
        "{} {}: {} on attempt {}, retrying in {} ms",
        call.action(),
        call.ref(),
        why,
        attempt,
        wait.toMillis());
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException(
          call.action(), call.ref(), RegistryException.NO_RESPONSE, null, "interrupted", e);
    }
  }

  private static Duration retryAfter(HttpResponse<?> response) {
    Optional<String> value = response.headers().firstValue("Retry-After");
    if (value.isEmpty()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Long.parseLong(value.get().trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** One attempt: authorize, send, re-authorize once on a 401 challenge, follow redirects. */
  private <T> HttpResponse<T> exchange(RegistryCall call, HttpResponse.BodyHandler<T> handler)
      throws IOException, RegistryException {
    Set<String> scopes = call.scopes();
    Optional<String> authorization = auth.header(call.host(), scopes);
    HttpResponse<T> response = sendOnce(call, authorization, handler);
    if (response.statusCode() == 401) {
      Optional<Set<String>> retryScopes =
          auth.learn(
              call.host(),
              scopes,
              response.headers().firstValue("WWW-Authenticate").orElse(null),
              authorization.isPresent());
      if (retryScopes.isPresent()) {
        closeQuietly(response);
        authorization = auth.header(call.host(), retryScopes.get());
        response = sendOnce(call, authorization, handler);
      }
    }
    return response;
  }

  private <T> HttpResponse<T> sendOnce(
      RegistryCall call, Optional<String> authorization, HttpResponse.BodyHandler<T> handler)
      throws IOException, RegistryException {
    URI uri = call.uri();
    String method = call.method();
    boolean sameHost = true;
    for (int hop = 0; ; hop++) {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout);
      for (Map.Entry<String, String> h : call.headers().entrySet()) {
        request.header(h.getKey(), h.getValue());
      }
      if (sameHost) {
        authorization.ifPresent(a -> request.header("Authorization", a));
      }
      request.method(method, publisher(call));
      HttpResponse<T> response;
      try {
        response = http.send(request.build(), handler);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RegistryException(
            call.action(), call.ref(), RegistryException.NO_RESPONSE, null, "interrupted", e);
      }
      int status = response.statusCode();
      boolean redirect = status == 301 || status == 302 || status == 303 || status == 307;
      boolean readOnly = method.equals("GET") || method.equals("HEAD");
      Optional<String> location = response.headers().firstValue("Location");
      if (!redirect || !readOnly || location.isEmpty() || hop >= MAX_REDIRECTS) {
        return response;
      }
      closeQuietly(response);
      URI next = uri.resolve(location.get());
      sameHost &= next.getAuthority().equals(call.uri().getAuthority());
      uri = next;
    }
  }

  private static HttpRequest.BodyPublisher publisher(RegistryCall call) throws IOException {
    if (call.body() == null) {
      return HttpRequest.BodyPublishers.noBody();
    }
    try {
      return call.body().publisher();
    } catch (FileNotFoundException e) {
      throw new IOException("the upload's temporary file vanished: " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(HttpResponse<?> response) {
    if (response.body() instanceof InputStream in) {
      try {
        in.close();
      } catch (IOException e) {
        // the body is discarded anyway
      }
    }
  }
}
