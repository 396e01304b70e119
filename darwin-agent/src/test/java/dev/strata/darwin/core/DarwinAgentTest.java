package dev.strata.darwin.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.darwin.adapter.dir.DirectoryCacheStore;
import dev.strata.darwin.port.ProcessException;
import dev.strata.darwin.testing.DarwinFixture;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.run.api.RecordArchDigest;
import dev.strata.domain.run.api.RecordLegFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DarwinAgentTest {
  @TempDir Path tmp;

  @Test
  void agent_registersForItsRunnerClass_buildsClaimedLegs_andReportsACheckoutFailure()
      throws Exception {
    DarwinFixture f = new DarwinFixture(tmp, new DirectoryCacheStore(tmp.resolve("store")));
    var good = f.leg(DarwinFixture.python("vllm"), DarwinFixture.push());
    var bad = f.leg(DarwinFixture.python("rerankers"), DarwinFixture.push());
    f.controlPlane.queue.add(good);
    f.controlPlane.queue.add(bad);
    AtomicInteger polls = new AtomicInteger();

    int legs =
        new DarwinAgent(
                f.controlPlane,
                leg -> {
                  if (leg == bad) {
                    throw new ProcessException("fetch refused");
                  }
                  return f.workspace;
                },
                f.runner(f.freshMachine()),
                "mac-1",
                RunnerClass.MACOS_LATEST,
                Duration.ofMillis(1),
                Duration.ofMillis(50),
                f.clock)
            .run(() -> polls.incrementAndGet() <= 3);

    assertThat(legs).isEqualTo(2);
    assertThat(f.controlPlane.reports.get(0)).isEqualTo("register mac-1 [macos-latest]");
    assertThat(f.controlPlane.of(RecordArchDigest.class))
        .extracting(r -> r.legId().value())
        .containsExactly("darwin:vllm");
    assertThat(f.controlPlane.of(RecordLegFailure.class))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.failedStep()).isEqualTo("checkout");
              assertThat(r.reason()).isEqualTo("fetch refused");
            });
  }

  @Test
  void agent_keepsPollingWhenAClaimFails_andGoesOnWhenALegsReportIsRefused() throws Exception {
    DarwinFixture f = new DarwinFixture(tmp, new DirectoryCacheStore(tmp.resolve("store")));
    var refused = f.leg(DarwinFixture.python("vllm"), DarwinFixture.push());
    f.controlPlane.failingClaims = 2;
    f.controlPlane.refuseSaves = true;
    f.controlPlane.queue.add(refused);
    AtomicInteger polls = new AtomicInteger();

    int legs =
        new DarwinAgent(
                f.controlPlane,
                leg -> f.workspace,
                f.runner(f.freshMachine()),
                "mac-1",
                RunnerClass.MACOS_LATEST,
                Duration.ofMillis(1),
                Duration.ofMillis(50),
                f.clock)
            .run(() -> polls.incrementAndGet() <= 4);

    assertThat(legs).isEqualTo(1);
    assertThat(f.controlPlane.failingClaims).isZero();
    assertThat(f.controlPlane.of(RecordArchDigest.class)).isEmpty();
  }
}
