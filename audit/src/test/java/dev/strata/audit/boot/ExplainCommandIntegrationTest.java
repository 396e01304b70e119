package dev.strata.audit.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.audit.Cli;
import dev.strata.audit.Scenario;
import dev.strata.audit.TestStores;
import dev.strata.audit.core.seed.SeedEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strata audit explain} over an H2 store: the four kinds of miss of issue 8. */
class ExplainCommandIntegrationTest {
  static final Instant MONDAY = Instant.parse("2026-11-09T10:00:00Z");
  static final SeedEntry VLLM = Scenario.python("-cpu-vllm", "amd64", "vllm");
  static final SeedEntry KOKORO = Scenario.python("-cpu-kokoro", "amd64", "kokoro");
  static final SeedEntry HIPBLAS = Scenario.python("-gpu-rocm-hipblas-vllm", "", "vllm");

  @TempDir static Path dir;

  @BeforeAll
  static void history() throws Exception {
    Instant nextWeek = MONDAY.plus(Duration.ofDays(7));
    TestStores.write(
        TestStores.h2(dir),
        List.of(
            Scenario.push("p1", MONDAY, VLLM, "ubuntu:24.04", "2026-W46", Scenario.steps(0, 8)),
            Scenario.push("k1", MONDAY, KOKORO, "ubuntu:24.04", "2026-W46", Scenario.steps(0, 8)),
            Scenario.pullRequest("pr1", 12, MONDAY, HIPBLAS, false, Scenario.steps(0, 8)),
            Scenario.push("p2", nextWeek, VLLM, "ubuntu:24.04", "2026-W47", Scenario.steps(5, 3)),
            Scenario.push("k2", nextWeek, KOKORO, "ubuntu:26.04", "2026-W46", Scenario.steps(0, 8)),
            Scenario.eviction(
                "ev1", Scenario.cacheRef(VLLM).toString(), "user:bob", nextWeek.plusSeconds(3600)),
            Scenario.push(
                "p3",
                nextWeek.plusSeconds(7200),
                VLLM,
                "ubuntu:24.04",
                "2026-W47",
                Scenario.steps(0, 8)),
            Scenario.pullRequest(
                "pr2", 12, nextWeek.plusSeconds(9000), HIPBLAS, false, Scenario.steps(0, 8))));
  }

  static Cli.Result explain(String leg, String... extra) {
    String[] base = {"audit", "explain", "--quiet", "--data-dir", dir.toString(), "--leg", leg};
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return Cli.run(all);
  }

  @Test
  void newDepsRefreshWeek_isNamed() {
    Cli.Result r = explain("p2/-cpu-vllm@amd64");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("INPUTS_CHANGED")
        .containsPattern("build-arg DEPS_REFRESH\\s+2026-W46 -> 2026-W47")
        .contains("last write:  #")
        .doesNotContain("base image");
  }

  @Test
  void changedBaseImage_isNamed() throws Exception {
    JsonNode e =
        new ObjectMapper().readTree(explain("k2/-cpu-kokoro@amd64", "--format", "json").out());

    assertThat(e.get("verdict").asText()).isEqualTo("INPUTS_CHANGED");
    assertThat(e.get("differences").findValuesAsText("input"))
        .containsExactly("build-arg BASE_IMAGE", "base image");
    assertThat(e.at("/differences/1/before").asText()).isEqualTo("ubuntu:24.04");
    assertThat(e.at("/differences/1/after").asText()).isEqualTo("ubuntu:26.04");
  }

  @Test
  void evictedCacheRef_namesWhoEvictedIt() {
    Cli.Result r = explain("p3/-cpu-vllm@amd64");

    assertThat(r.out()).contains("EVICTED").contains("evicted by user:bob").contains("ev1");
  }

  @Test
  void pullRequestOnlyKey_wasNeverWritten() throws Exception {
    JsonNode e =
        new ObjectMapper()
            .readTree(explain("pr2/-gpu-rocm-hipblas-vllm@single", "--format", "json").out());

    assertThat(e.get("verdict").asText()).isEqualTo("NEVER_WRITTEN");
    assertThat(e.get("cacheRef").asText())
        .isEqualTo("quay.io/go-skynet/ci-cache:cache-gpu-rocm-hipblas-vllm-");
    assertThat(e.get("message").asText()).contains("PR-only key");
  }

  @Test
  void unknownLeg_exitsWith4_andMalformedLeg_isAUserError() {
    assertThat(explain("p9/-cpu-vllm@amd64").exit()).isEqualTo(4);
    Cli.Result bad = explain("-cpu-vllm@amd64");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("expected RUN/LEGKEY");
  }
}
