package dev.strata.runtime.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.image.api.ImageRef;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegistryTransportTest {
  private static final String MANIFEST =
      "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\"}";
  private static final String DENIED =
      "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"requested access to the resource is"
          + " denied\"}]}";

  private FakeRegistry fake;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeRegistry();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private RegistryClient client(RegistryCredentials credentials, int attempts) {
    return new RegistryClient(
        new RegistryTransport(
            credentials,
            new RetryPolicy(attempts, Duration.ofMillis(5), Duration.ofMillis(50)),
            Set.of(),
            Duration.ofSeconds(5),
            Clock.systemUTC()));
  }

  private ImageRef repo() {
    return ImageRef.of(fake.host() + "/go-skynet/ci-cache");
  }

  private static void manifest(com.sun.net.httpserver.HttpExchange e) throws java.io.IOException {
    e.getResponseHeaders()
        .add("Docker-Content-Digest", RawManifest.of("x", MANIFEST).digest().value());
    e.getResponseHeaders().add("Content-Type", "application/vnd.oci.image.manifest.v1+json");
    FakeRegistry.respond(e, 200, MANIFEST);
  }

  @Test
  void bearerChallenge_fetchesATokenWithServiceAndScope_onceForRepeatedCalls() throws Exception {
    String realm = "http://" + fake.host() + "/token";
    fake.route(
            "/token",
            e -> {
              boolean basic =
                  ("Basic " + java.util.Base64.getEncoder().encodeToString("bot:pw".getBytes()))
                      .equals(e.getRequestHeaders().getFirst("Authorization"));
              FakeRegistry.respond(
                  e, basic ? 200 : 401, basic ? "{\"token\":\"tok-1\",\"expires_in\":300}" : "");
            })
        .route(
            "/v2/",
            e -> {
              if ("Bearer tok-1".equals(e.getRequestHeaders().getFirst("Authorization"))) {
                manifest(e);
                return;
              }
              e.getResponseHeaders()
                  .add(
                      "WWW-Authenticate",
                      "Bearer realm=\""
                          + realm
                          + "\",service=\"fake\",scope=\"repository:go-skynet/ci-cache:pull\"");
              FakeRegistry.respond(e, 401, DENIED);
            });
    RegistryClient client =
        client(RegistryCredentials.of(Map.of(fake.host(), new Credential("bot", "pw"))), 1);

    assertThat(client.manifest(repo().withTag("cache-cpu-amd64"))).isPresent();
    assertThat(client.resolveTag(repo().withTag("cache-cpu-arm64"))).isPresent();

    assertThat(fake.count("/token")).isEqualTo(1);
    assertThat(fake.requests)
        .anyMatch(
            r ->
                r.startsWith(
                    "GET /token?service=fake&scope=repository%3Ago-skynet%2Fci-cache%3Apull"));
    assertThat(fake.count("[Bearer tok-1]")).isEqualTo(2);
  }

  @Test
  void tokenEndpointOutage_isRetriedLikeTheRegistry() throws Exception {
    String realm = "http://" + fake.host() + "/token";
    AtomicInteger tokenCalls = new AtomicInteger();
    fake.route(
            "/token",
            e -> {
              if (tokenCalls.incrementAndGet() == 1) {
                FakeRegistry.respond(e, 503, "");
              } else {
                FakeRegistry.respond(e, 200, "{\"token\":\"tok-2\"}");
              }
            })
        .route(
            "/v2/",
            e -> {
              if ("Bearer tok-2".equals(e.getRequestHeaders().getFirst("Authorization"))) {
                manifest(e);
                return;
              }
              e.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"" + realm + "\"");
              FakeRegistry.respond(e, 401, "");
            });

    assertThat(client(RegistryCredentials.none(), 3).manifest(repo().withTag("t"))).isPresent();
    assertThat(tokenCalls).hasValue(2);
  }

  @Test
  void basicChallenge_sendsTheConfiguredCredential() throws Exception {
    String expected = "Basic " + java.util.Base64.getEncoder().encodeToString("u:p".getBytes());
    fake.route(
        "/v2/",
        e -> {
          if (expected.equals(e.getRequestHeaders().getFirst("Authorization"))) {
            manifest(e);
          } else {
            e.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"basic-realm\"");
            FakeRegistry.respond(e, 401, "");
          }
        });

    assertThat(
            client(RegistryCredentials.of(Map.of(fake.host(), new Credential("u", "p"))), 1)
                .manifest(repo().withTag("t")))
        .isPresent();
  }

  @Test
  void refusedCredentials_failWith401AndTheRegistryCode_withoutShowingTheSecret() {
    fake.route(
        "/v2/",
        e -> {
          e.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"basic-realm\"");
          FakeRegistry.respond(e, 401, DENIED);
        });
    RegistryClient client =
        client(RegistryCredentials.of(Map.of(fake.host(), new Credential("u", "hunter2"))), 3);

    assertThatThrownBy(() -> client.manifest(repo().withTag("t")))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.isTransient()).isFalse())
        .hasMessage(
            "Tried to get manifest "
                + repo().withTag("t")
                + " but failed because: 401 DENIED (requested access to the resource is denied)")
        .hasMessageNotContaining("hunter2");
    assertThat(fake.requests).hasSize(2);
  }

  @Test
  void tooManyRequests_isRetriedAfterTheServersWait_thenSucceeds() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    fake.route(
        "/v2/",
        e -> {
          if (calls.incrementAndGet() < 3) {
            e.getResponseHeaders().add("Retry-After", "0");
            FakeRegistry.respond(e, 429, "{\"errors\":[{\"code\":\"TOOMANYREQUESTS\"}]}");
          } else {
            manifest(e);
          }
        });

    assertThat(client(RegistryCredentials.none(), 4).manifest(repo().withTag("t"))).isPresent();
    assertThat(calls).hasValue(3);
  }

  @Test
  void serverErrors_areRetriedUpToTheLimit_andReportedAsTransient() {
    fake.route(
        "/v2/", e -> FakeRegistry.respond(e, 503, "{\"errors\":[{\"code\":\"UNAVAILABLE\"}]}"));

    assertThatThrownBy(() -> client(RegistryCredentials.none(), 3).manifest(repo().withTag("t")))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.isTransient()).isTrue())
        .hasMessageEndingWith("but failed because: 503 UNAVAILABLE");
    assertThat(fake.requests).hasSize(3);
  }

  @Test
  void clientErrors_areNotRetried() {
    fake.route(
        "/v2/",
        e ->
            FakeRegistry.respond(
                e, 400, "{\"errors\":[{\"code\":\"MANIFEST_INVALID\",\"message\":\"bad\"}]}"));

    assertThatThrownBy(
            () ->
                client(RegistryCredentials.none(), 4)
                    .pushManifest(
                        repo(),
                        RawManifest.of("application/vnd.oci.image.manifest.v1+json", MANIFEST)))
        .hasMessageContaining(
            "Tried to push manifest " + repo().withDigest(RawManifest.of("x", MANIFEST).digest()))
        .hasMessageEndingWith("but failed because: 400 MANIFEST_INVALID (bad)");
    assertThat(fake.requests).hasSize(1);
  }

  @Test
  void blobRedirects_areFollowedWithoutTheAuthorizationHeaderOnAnotherHost() throws Exception {
    byte[] content = "blob".getBytes();
    var digest = RawManifest.sha256(content);
    try (FakeRegistry storage = new FakeRegistry()) {
      storage.route(
          "/s3/",
          e -> {
            e.sendResponseHeaders(200, content.length);
            e.getResponseBody().write(content);
          });
      fake.route(
          "/v2/",
          e -> {
            if (e.getRequestHeaders().getFirst("Authorization") == null) {
              e.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"r\"");
              FakeRegistry.respond(e, 401, "");
              return;
            }
            e.getResponseHeaders().add("Location", "http://" + storage.host() + "/s3/blob");
            FakeRegistry.respond(e, 307, "");
          });

      byte[] got =
          client(RegistryCredentials.of(Map.of(fake.host(), new Credential("u", "p"))), 1)
              .blob(repo(), digest);

      assertThat(got).isEqualTo(content);
      assertThat(storage.requests).containsExactly("GET /s3/blob");
    }
  }
}
