package dev.strata.it.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The docker-compose stack as its users run it: {@code scripts/compose-up} builds the images from
 * the local Debian bases and starts PostgreSQL, the registry, the gateway, matrix and merge roles
 * (one container each) and a builder-agent on the host's engine, planning from a fresh demo
 * repository ({@code docker/demo-repo}). A push goes in through the gateway's REST API; the run
 * must pass through MatrixFiltered, two ArchDigestPushed and ManifestMerged, and the merged index
 * must be in the stack's registry. {@code scripts/compose-down --volumes} removes it all
 * afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComposeStackIntegrationTest {
  private static final String REPO = "strata/compose-demo";
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);
  private static final Set<String> FINAL_STATES = Set.of("SUCCEEDED", "FAILED", "CANCELLED");
  private static final String INDEX = "application/vnd.oci.image.index.v1+json";

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Path work;
  private Path repo;
  private ComposeStack stack;
  private Properties tokens;
  private boolean started;

  @BeforeAll
  void bringTheStackUp() throws Exception {
    Path root = ComposeStack.findRoot();
    work = Files.createTempDirectory("strata-compose-it-");
    repo = work.resolve("repo");
    Path log = root.resolve("it/target/compose-it.log");
    Files.createDirectories(log.getParent());
    Files.deleteIfExists(log);
    stack = new ComposeStack(root, log, Map.of("STRATA_COMPOSE_REPO", repo.toString()));
    List<String> running = stack.containers();
    if (!running.isEmpty()) {
      throw new IllegalStateException(
          "Tried to start the compose stack for this test but failed because: project "
              + ComposeStack.PROJECT
              + " already runs "
              + running.size()
              + " containers; stop it with scripts/compose-down (this test starts its own and"
              + " deletes its volumes afterwards)");
    }
    stack.run(Duration.ofMinutes(1), root.resolve("docker/demo-repo").toString(), repo.toString());
    started = true;
    long t0 = System.nanoTime();
    stack.up();
    System.out.printf(
        "compose-up took %d s%n", Duration.ofNanos(System.nanoTime() - t0).toSeconds());
    tokens = stack.tokens();
  }

  @AfterAll
  void tearTheStackDown() throws Exception {
    try {
      if (started) {
        stack.downWithVolumes();
      }
    } finally {
      if (work != null && stack != null) {
        stack.run(Duration.ofMinutes(1), "rm", "-rf", "--one-file-system", work.toString());
      }
    }
  }

  @Test
  void aPushThroughTheGateway_isPlannedBuiltOnTheEngineAndMergedIntoATwoArchIndex()
      throws Exception {
    String before = git("rev-parse", "HEAD");
    Files.writeString(repo.resolve("backend/python/hello/hello.txt"), "hello, changed\n");
    git("commit", "-q", "-am", "change the hello backend");
    String after = git("rev-parse", "HEAD");

    JsonNode accepted =
        post("/v1/triggers", tokens.getProperty("STRATA_TOKENS_CI"), push(before, after));
    assertThat(accepted.path("status").asText()).as(accepted.toString()).isEqualTo("accepted");
    String runId = accepted.path("runId").asText();

    JsonNode run = awaitFinished(runId);
    List<JsonNode> events = events(runId);
    assertThat(run.path("state").asText())
        .as("run %s ended; its events: %s", runId, types(events))
        .isEqualTo("SUCCEEDED");
    assertThat(types(events))
        .containsSubsequence(
            "TriggerReceived", "MatrixFiltered", "ArchDigestPushed", "ManifestMerged")
        .filteredOn("ArchDigestPushed"::equals)
        .hasSize(2);

    JsonNode filtered = only(events, "MatrixFiltered");
    assertThat(filtered.at("/payload/runAll").asBoolean()).isFalse();
    assertThat(values(filtered.at("/payload/legs"), "legId"))
        .containsExactlyInAnyOrder("-cpu-hello@amd64", "-cpu-hello@arm64");

    List<String> archDigests =
        events.stream()
            .filter(e -> e.path("type").asText().equals("ArchDigestPushed"))
            .map(e -> e.at("/payload/digest").asText())
            .toList();
    JsonNode merged = only(events, "ManifestMerged").path("payload");
    JsonNode index = merged.path("indexes").get(0);
    assertThat(index.path("repository").asText()).isEqualTo("127.0.0.1:15000/strata/backends");
    assertThat(values(index.path("tags"), null)).contains("master-cpu-hello");

    assertTheIndexIsInTheRegistry("strata/backends", "master-cpu-hello", archDigests);
  }

  private Map<String, Object> push(String before, String after) {
    return Map.of(
        "deliveryId",
        "compose-it-" + after,
        "event",
        "push",
        "repository",
        REPO,
        "payload",
        Map.of(
            "ref",
            "refs/heads/master",
            "before",
            before,
            "after",
            after,
            "repository",
            Map.of("full_name", REPO)));
  }

  /** The tag names an OCI index of exactly the per-arch digests, for linux/amd64 and arm64. */
  private void assertTheIndexIsInTheRegistry(String repository, String tag, List<String> digests)
      throws IOException, InterruptedException {
    JsonNode manifest = registryManifest(repository, tag);
    assertThat(manifest.path("mediaType").asText()).isEqualTo(INDEX);
    assertThat(values(manifest.path("manifests"), "digest"))
        .containsExactlyInAnyOrderElementsOf(digests);
    assertThat(
            StreamSupport.stream(manifest.path("manifests").spliterator(), false)
                .map(
                    m ->
                        m.at("/platform/os").asText()
                            + "/"
                            + m.at("/platform/architecture").asText())
                .toList())
        .containsExactlyInAnyOrder("linux/amd64", "linux/arm64");
  }

  private JsonNode awaitFinished(String runId) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
    JsonNode run = get("/v1/runs/" + runId);
    while (!FINAL_STATES.contains(run.path("state").asText()) && System.nanoTime() < deadline) {
      Thread.sleep(250);
      run = get("/v1/runs/" + runId);
    }
    return run;
  }

  private List<JsonNode> events(String runId) throws IOException, InterruptedException {
    JsonNode body = get("/v1/runs/" + runId + "/events");
    JsonNode list = body.isArray() ? body : body.path("events");
    List<JsonNode> out = new ArrayList<>();
    list.forEach(out::add);
    return out;
  }

  private static List<String> types(List<JsonNode> events) {
    return events.stream().map(e -> e.path("type").asText()).toList();
  }

  private static JsonNode only(List<JsonNode> events, String type) {
    List<JsonNode> found =
        events.stream().filter(e -> e.path("type").asText().equals(type)).toList();
    assertThat(found).as("%s events in %s", type, types(events)).hasSize(1);
    return found.get(0);
  }

  /** The texts of an array, or of one field of each element when {@code field} is given. */
  private static List<String> values(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(field == null ? n.asText() : n.path(field).asText()));
    return out;
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(ComposeStack.GATEWAY + path))
            .header("Authorization", "Bearer " + tokens.getProperty("STRATA_TOKENS_ADMIN"))
            .GET()
            .build());
  }

  private JsonNode post(String path, String token, Object body)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(ComposeStack.GATEWAY + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
            .build());
  }

  private JsonNode registryManifest(String repository, String tag)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(
                URI.create(ComposeStack.REGISTRY + "/v2/" + repository + "/manifests/" + tag))
            .header("Accept", INDEX)
            .GET()
            .build());
  }

  private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as("%s %s answered %s", request.method(), request.uri(), response.body())
        .isBetween(200, 299);
    return json.readTree(response.body());
  }

  private String git(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "git",
                "-C",
                repo.toString(),
                "-c",
                "user.name=Strata compose test",
                "-c",
                "user.email=compose-it@strata.dev"));
    command.addAll(List.of(args));
    return stack.run(Duration.ofSeconds(30), command.toArray(String[]::new)).trim();
  }
}
