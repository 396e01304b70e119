package dev.strata.darwin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.darwin.adapter.dir.DirectoryCacheStore;
import dev.strata.darwin.core.LegReport;
import dev.strata.darwin.testing.DarwinFixture;
import dev.strata.domain.run.api.RecordLegFailure;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One progress line per step, with its outcome and duration, printed and sent as leg progress. */
class DarwinProgressTest {
  private static final String DURATION = " \\((\\d+ ms|\\d+\\.\\d s)\\)";
  @TempDir Path tmp;
  private DarwinFixture f;

  @BeforeEach
  void setUp() throws Exception {
    f = new DarwinFixture(tmp, new DirectoryCacheStore(tmp.resolve("cache-store")));
  }

  @Test
  void firstRun_printsRestoreMisses_depsBuildPackageSaveAndPublish_inOrder() throws Exception {
    f.run(f.leg(DarwinFixture.python("vllm"), DarwinFixture.push()));

    List<String> lines = f.printed;
    assertThat(lines.get(0)).startsWith("leg darwin:vllm of run run1: python");
    assertThat(lines)
        .filteredOn(l -> !l.startsWith("leg ") && !l.startsWith("done:"))
        .allSatisfy(l -> assertThat(l).containsPattern(DURATION + "$"));
    assertThat(lines.stream().map(DarwinProgressTest::stepOf).distinct().toList())
        .containsExactly(
            "leg", "setup", "restore", "deps", "build", "package", "save", "publish", "done:");
    assertThat(lines)
        .anyMatch(
            l -> l.matches("restore go setup-go-macOS-arm64-go-1\\.25\\.3-\\w+: miss" + DURATION))
        .anyMatch(l -> l.matches("restore wheels pyenv-darwin-vllm-2026-W45-\\w+: miss" + DURATION))
        .anyMatch(l -> l.matches("deps brew install: ok" + DURATION))
        .anyMatch(l -> l.matches("deps brew link: exited 1 \\(ignored\\)" + DURATION))
        .anyMatch(l -> l.matches("build make build-darwin-python-backend: ok" + DURATION))
        .anyMatch(
            l -> l.matches("save homebrew brew-macOS-ARM64-v1-\\w+: [\\d.]+ (B|KB)" + DURATION))
        .anyMatch(l -> l.matches("publish 2 tags: sha256:d{64}" + DURATION));
    assertThat(lines.get(lines.size() - 1)).startsWith("done: published sha256:");
    assertThat(f.controlPlane.progress).isEqualTo(lines);
  }

  @Test
  void secondRun_printsExactHitsWithTheirSize() throws Exception {
    f.run(f.leg(DarwinFixture.python("vllm"), DarwinFixture.push()));
    f.printed.clear();

    f.run(f.leg(DarwinFixture.python("vllm"), DarwinFixture.push()));

    assertThat(f.printed)
        .filteredOn(l -> l.startsWith("restore "))
        .hasSize(3)
        .allSatisfy(l -> assertThat(l).containsPattern(": hit, [\\d.]+ (B|KB)" + DURATION));
    assertThat(f.printed).noneMatch(l -> l.startsWith("save "));
  }

  @Test
  void aLostLease_stopsTheLegAfterTheCurrentStep_withoutReportingIt() throws Exception {
    f.controlPlane.holdsLeg = false;

    LegReport report = f.run(f.leg(DarwinFixture.python("vllm"), DarwinFixture.push()));

    assertThat(report.succeeded()).isFalse();
    assertThat(report.failure()).contains("no longer holds the leg");
    assertThat(report.failedStep()).isEqualTo("go version");
    assertThat(f.controlPlane.of(RecordLegFailure.class)).isEmpty();
    assertThat(f.printed).noneMatch(l -> l.startsWith("save "));
  }

  private static String stepOf(String line) {
    return line.substring(0, line.indexOf(' '));
  }
}
