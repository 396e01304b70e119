package dev.strata.domain.leg.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.leg.api.RunnerClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AptMirrorPolicyTest {

  // DOMAIN.md 4.2 step 2.
  @ParameterizedTest
  @CsvSource({
    "ubuntu-latest, true, http://azure.archive.ubuntu.com, http://azure.ports.ubuntu.com",
    "ubuntu-24.04-arm, true, http://azure.archive.ubuntu.com, http://azure.ports.ubuntu.com",
    "bigger-runner, false, http://mirrors.edge.kernel.org, ''",
    "arc-runner-set, false, http://mirrors.edge.kernel.org, ''",
  })
  void mirror_dependsOnWhetherTheRunnerClassIsHosted(
      String runner, boolean hosted, String mirror, String ports) {
    RunnerClass rc = RunnerClass.of(runner);

    assertThat(LocalAi.APT.isHosted(rc)).isEqualTo(hosted);
    assertThat(LocalAi.APT.forRunner(rc)).isEqualTo(new AptMirror(mirror, ports));
  }
}
