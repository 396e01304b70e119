package dev.strata.audit.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.audit.Cli;
import dev.strata.audit.Scenario;
import dev.strata.audit.TestStores;
import dev.strata.audit.core.seed.RunScript;
import dev.strata.audit.core.seed.SeedEntry;
import dev.strata.domain.audit.api.AuditQuery;
import dev.strata.domain.audit.api.AuditService;
import dev.strata.runtime.StrataRuntime;
import dev.strata.runtime.config.StrataConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strata audit} over an embedded H2 store holding a seeded history. */
class AuditCommandIntegrationTest {
  @TempDir static Path dir;
  static Path store;

  @BeforeAll
  static void seed() throws Exception {
    store = dir.resolve("seeded");
    List<RunScript> scripts = new ArrayList<>(TestStores.history(60, 7));
    // a guaranteed violation: a pull request that exports its cache
    SeedEntry vllm = Scenario.python("-cpu-vllm", "amd64", "vllm");
    scripts.add(
        Scenario.pullRequest(
            "prwrites",
            77,
            Instant.parse("2026-01-20T10:00:00Z"),
            vllm,
            true,
            Scenario.steps(3, 5)));
    TestStores.write(TestStores.h2(store), scripts);
  }

  static String[] args(String... extra) {
    List<String> all = new ArrayList<>(List.of("audit", "--data-dir", store.toString()));
    all.addAll(List.of(extra));
    return all.toArray(String[]::new);
  }

  @Test
  void jsonReport_isByteIdenticalAcrossReplays_andForBothReaders() {
    Cli.Result first = Cli.run(args("--format", "json"));
    Cli.Result second = Cli.run(args("--format", "json"));
    Cli.Result axon = Cli.run(args("--format", "json", "--reader", "AXON"));

    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).isNotBlank().isEqualTo(second.out()).isEqualTo(axon.out());
    assertThat(first.err()).contains("audit: replayed");
  }

  @Test
  void jsonReport_countsTheLogAndListsTheViolationWithItsEvidence() throws Exception {
    JsonNode report = new ObjectMapper().readTree(Cli.run(args("--format", "json")).out());

    long stored;
    try (StrataRuntime runtime = StrataRuntime.builder(TestStores.h2(store)).build()) {
      stored = runtime.database().headIndex(new EventSchema());
    }
    assertThat(report.at("/log/eventsRead").asLong()).isEqualTo(stored);
    assertThat(report.at("/log/runsByTrigger/PULL_REQUEST").asLong()).isPositive();
    JsonNode prWrite = null;
    for (JsonNode v : report.get("violations")) {
      if (v.get("rule").asText().equals("pr-cache-to")) {
        prWrite = v;
      }
    }
    assertThat(prWrite).isNotNull();
    assertThat(prWrite.get("run").asText()).isEqualTo("prwrites");
    assertThat(prWrite.at("/evidence/0/event").asText()).isEqualTo("LegVerified");
    assertThat(report.get("cacheRefs").size()).isGreaterThan(10);
    assertThat(report.get("invariants").size()).isEqualTo(10);
  }

  @Test
  void runFilter_listsOnlyThatRun() throws Exception {
    JsonNode report =
        new ObjectMapper().readTree(Cli.run(args("--format", "json", "--run", "prwrites")).out());

    assertThat(report.get("violations")).allMatch(v -> v.get("run").asText().equals("prwrites"));
    for (JsonNode ref : report.get("cacheRefs")) {
      assertThat(ref.get("latestReads")).allMatch(r -> r.get("run").asText().equals("prwrites"));
    }
    assertThat(report.at("/log/runsByTrigger/PULL_REQUEST").asLong()).isEqualTo(1);
  }

  @Test
  void textReport_toAFile_andFailOnViolations() throws Exception {
    Path out = dir.resolve("reports/audit.txt");
    Cli.Result result = Cli.run(args("--out", out.toString(), "--fail-on-violations", "--quiet"));

    assertThat(result.exit()).isEqualTo(3);
    assertThat(result.err()).isEmpty();
    assertThat(Files.readString(out)).contains("Invariants").contains("[1 pr-cache-to]");
  }

  @Test
  void storeHeldByARunningProcess_isReadThroughIt() throws Exception {
    String alone = Cli.run(args("--format", "json", "--quiet")).out();
    try (StrataRuntime serving = StrataRuntime.builder(TestStores.h2(store)).build().start()) {
      assertThat(serving.database().displayUrl()).contains("AUTO_SERVER=TRUE");
      Cli.Result whileServed = Cli.run(args("--format", "json", "--quiet"));

      assertThat(whileServed.exit()).as(whileServed.err()).isZero();
      assertThat(whileServed.out()).isEqualTo(alone);
    }
  }

  @Test
  void badDate_isAUserError() {
    Cli.Result result = Cli.run(args("--from", "28/11/2026"));

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("is not a date").contains("2026-11-28");
  }

  @Test
  void auditService_givesTheSameJsonAsTheCommand() throws Exception {
    String cli = Cli.run(args("--format", "json")).out();
    StrataConfig config = TestStores.h2(store);
    try (StrataRuntime runtime = StrataRuntime.builder(config).build()) {
      AuditService service = AuditWiring.auditService(runtime);
      assertThat(service.auditJson(AuditQuery.all()) + "\n").isEqualTo(cli);
    }
  }
}
