package dev.strata.it.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.it.processes.StoredEvents.Row;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ISSUE 9, separate processes on PostgreSQL: api-gateway, matrix-service and merge-service each in
 * its own JVM on one event store, and two builder-agents of the same runner class building on the
 * local engine. Each test starts its own stack; counts come from the event store itself.
 */
class SeparateProcessesIntegrationTest {
  private static final Duration FLOW = Duration.ofMinutes(4);
  private static final int LEASE_SECONDS = 8;
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension final ProcessLogs logs = new ProcessLogs();

  private ProcessStack stack;
  private StrataProcess gateway;
  private StrataProcess matrix;
  private StrataProcess merge;
  private StrataProcess agent1;
  private StrataProcess agent2;

  @BeforeEach
  void startStack(TestInfo test) throws Exception {
    stack =
        logs.watch(
            ProcessStack.create(
                "separate-" + test.getTestMethod().orElseThrow().getName(), LEASE_SECONDS));
    gateway = stack.gateway();
    matrix = stack.matrix();
    merge = stack.merge();
    agent1 = stack.agent("agent-1", "engine", 1);
    agent2 = stack.agent("agent-2", "engine", 1);
    ProcessStack.startAll(gateway, matrix, merge);
    ProcessStack.startAll(agent1, agent2);
  }

  @AfterEach
  void stopStack() throws Exception {
    stack.close();
  }

  @Test
  void everyLegIsBuiltExactlyOnce_withTwoAgentsRacing() throws Exception {
    ProcessFixture f = stack.fixture();
    String before = f.head();
    String after = f.touch("change three backends", "alpha", "beta", "gamma");

    String run = push("race-1", before, after);
    List<Row> merged = awaitMerged(run, 3);

    List<Row> events = stack.events().ofRun(run);
    List<String> legs = plannedLegs(events);
    assertThat(legs)
        .containsExactlyInAnyOrder(
            "-cpu-alpha@amd64",
            "-cpu-alpha@arm64",
            "-cpu-beta@amd64",
            "-cpu-beta@arm64",
            "-cpu-gamma@amd64",
            "-cpu-gamma@arm64");
    Map<String, Long> claims = countByLeg(events, "LegClaimed");
    Map<String, Long> digests = countByLeg(events, "ArchDigestPushed");
    for (String leg : legs) {
      assertThat(claims.get(leg)).as("LegClaimed of " + leg).isEqualTo(1L);
      assertThat(digests.get(leg)).as("ArchDigestPushed of " + leg).isEqualTo(1L);
    }
    assertThat(byType(events, "LegLeaseExpired")).isEmpty();
    assertThat(merged)
        .extracting(r -> r.text("tagSuffix"))
        .containsExactlyInAnyOrder("-cpu-alpha", "-cpu-beta", "-cpu-gamma");
    Map<String, Long> builtBy =
        byType(events, "ArchDigestPushed").stream()
            .collect(Collectors.groupingBy(r -> r.text("agentId"), Collectors.counting()));
    assertThat(builtBy.keySet())
        .isSubsetOf(ProcessStack.agentId(agent1), ProcessStack.agentId(agent2));
    System.out.println("legs built per agent: " + builtBy);
  }

  @Test
  void anAgentKilledMidBuild_losesItsLease_andTheOtherAgentBuildsTheLegOnce() throws Exception {
    ProcessFixture f = stack.fixture();
    String before = f.head();
    f.touch("salt", "slow");
    String after = f.commit("arm64 takes 20 s", Map.of("backend/python/slow/delay-arm64", "20\n"));
    String leg = "-cpu-slow@arm64";

    String run = push("kill-agent-1", before, after);
    Row claim =
        stack.events().await("claim of " + leg, r -> isLeg(r, run, "LegClaimed", leg), FLOW);
    String holder = claim.text("agentId");
    StrataProcess victim = holder.equals(ProcessStack.agentId(agent1)) ? agent1 : agent2;
    StrataProcess survivor = victim == agent1 ? agent2 : agent1;
    victim.awaitLog(Pattern.compile(Pattern.quote("Building " + run + ":" + leg)), FLOW);
    Thread.sleep(4000); // inside the 20 s step
    victim.kill9();

    List<Row> merged = awaitMerged(run, 1);

    List<Row> events = stack.events().ofRun(run);
    List<Row> expired = byLeg(events, "LegLeaseExpired", leg);
    assertThat(expired)
        .singleElement()
        .satisfies(r -> assertThat(r.text("agentId")).isEqualTo(holder));
    List<Row> claims = byLeg(events, "LegClaimed", leg);
    assertThat(claims)
        .extracting(r -> r.text("agentId"))
        .containsExactly(holder, ProcessStack.agentId(survivor));
    assertThat(claims).extracting(r -> r.payload().get("attempt").asInt()).containsExactly(1, 2);
    List<Row> digests = byLeg(events, "ArchDigestPushed", leg);
    assertThat(digests)
        .singleElement()
        .satisfies(r -> assertThat(r.text("agentId")).isEqualTo(ProcessStack.agentId(survivor)));
    assertThat(expired.get(0).index()).isLessThan(claims.get(1).index());
    assertThat(merged)
        .singleElement()
        .satisfies(r -> assertThat(r.text("tagSuffix")).isEqualTo("-cpu-slow"));
  }

  @Test
  void mergeKilledBetweenTheLastDigestAndTheMerge_resumesFromItsTokenAndMergesOnce()
      throws Exception {
    ProcessFixture f = stack.fixture();
    String before = f.head();
    f.touch("salt", "slow");
    String after = f.commit("arm64 takes 12 s", Map.of("backend/python/slow/delay-arm64", "12\n"));

    String run = push("kill-merge-1", before, after);
    Row first =
        stack
            .events()
            .await("first digest", r -> isLeg(r, run, "ArchDigestPushed", "-cpu-slow@amd64"), FLOW);
    awaitToken("merge", first.index(), Duration.ofSeconds(30));
    merge.freeze();
    long frozenAt = tokenIndex("merge");
    Row last =
        stack
            .events()
            .await("last digest", r -> isLeg(r, run, "ArchDigestPushed", "-cpu-slow@arm64"), FLOW);
    Thread.sleep(1000);
    assertThat(byType(stack.events().ofRun(run), "ManifestMerged")).isEmpty();
    merge.kill9();
    // the restarted process starts from this token: past the first digest, before the last
    assertThat(tokenIndex("merge"))
        .as("merge's stored token")
        .isEqualTo(frozenAt)
        .isGreaterThanOrEqualTo(first.index())
        .isLessThan(last.index());

    ProcessStack.startAll(merge);
    List<Row> merged = awaitMerged(run, 1);
    merge.kill9(); // and once more after the merge: the token moved past it
    ProcessStack.startAll(merge);
    Thread.sleep(3000);

    List<Row> events = stack.events().ofRun(run);
    assertThat(byType(events, "ManifestMerged")).hasSize(1);
    assertThat(merge.printed(l -> l.contains("Merged '-cpu-slow'"))).isFalse();
    List<String> digests =
        byType(events, "ArchDigestPushed").stream().map(r -> r.text("digest")).toList();
    JsonNode index = registryIndex(f.publishPath(), "master-cpu-slow");
    assertThat(index.get("manifests"))
        .extracting(m -> m.get("digest").asText())
        .containsExactlyInAnyOrderElementsOf(digests);
    assertThat(index.get("manifests"))
        .extracting(m -> m.at("/platform/architecture").asText())
        .containsExactlyInAnyOrder("amd64", "arm64");
    assertThat(merged.get(0).payload().at("/indexes/0/digest/value").asText())
        .isEqualTo(indexDigest(f.publishPath(), "master-cpu-slow"));
  }

  private String push(String delivery, String before, String after) throws Exception {
    GatewayHttp.Reply r = stack.ci().trigger(delivery, "push", GatewayHttp.push(before, after));
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(202);
    return r.body().get("runId").asText();
  }

  private List<Row> awaitMerged(String run, int groups) throws InterruptedException {
    return stack
        .events()
        .awaitCount(
            "ManifestMerged of run " + run,
            r -> r.aggregate().equals(run) && r.type().equals("ManifestMerged"),
            groups,
            FLOW);
  }

  private long awaitToken(String processor, long atLeast, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long index;
    while ((index = tokenIndex(processor)) < atLeast) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            processor + "'s token stayed at " + index + ", before event " + atLeast);
      }
      Thread.sleep(100);
    }
    return index;
  }

  private long tokenIndex(String processor) {
    Matcher m =
        Pattern.compile("\"index\":(\\d+)")
            .matcher(stack.events().token(processor).orElse("\"index\":-1"));
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  private static List<String> plannedLegs(List<Row> events) {
    List<String> legs = new ArrayList<>();
    for (Row r : byType(events, "MatrixFiltered")) {
      r.payload().get("legs").forEach(l -> legs.add(l.at("/legId/value").asText()));
    }
    return legs;
  }

  private static boolean isLeg(Row r, String run, String type, String leg) {
    return r.aggregate().equals(run) && r.type().equals(type) && r.text("legId").equals(leg);
  }

  private static List<Row> byType(List<Row> events, String type) {
    return events.stream().filter(r -> r.type().equals(type)).toList();
  }

  private static List<Row> byLeg(List<Row> events, String type, String leg) {
    return events.stream()
        .filter(r -> r.type().equals(type) && r.text("legId").equals(leg))
        .toList();
  }

  private static Map<String, Long> countByLeg(List<Row> events, String type) {
    return byType(events, type).stream()
        .collect(Collectors.groupingBy(r -> r.text("legId"), Collectors.counting()));
  }

  private static HttpResponse<String> manifest(String path, String tag) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://" + ProcessFixture.REGISTRY + "/v2/" + path + "/manifests/" + tag))
                .header(
                    "Accept",
                    "application/vnd.oci.image.index.v1+json,"
                        + "application/vnd.docker.distribution.manifest.list.v2+json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode registryIndex(String path, String tag) throws Exception {
    HttpResponse<String> r = manifest(path, tag);
    assertThat(r.statusCode()).as(path + ":" + tag + " " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static String indexDigest(String path, String tag) throws Exception {
    return manifest(path, tag).headers().firstValue("Docker-Content-Digest").orElse("");
  }
}
