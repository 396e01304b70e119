package dev.strata.domain.image.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SemVerTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "v4.9.0, 4.9.0, false",
    "4.9.0, 4.9.0, false",
    "v4.9.0-rc1, 4.9.0-rc1, true",
    "v1.2.3-rc.1+b.7, 1.2.3-rc.1, true",
    "1.2.3+build.5, 1.2.3, false",
    "1.2.3-0a, 1.2.3-0a, true",
    "0.0.0, 0.0.0, false",
  })
  void valid_keepsRawAndKnowsPrerelease(String raw, String version, boolean prerelease) {
    SemVer v = SemVer.parse(raw).orElseThrow();

    assertThat(v.raw()).isEqualTo(raw);
    assertThat(v.version()).isEqualTo(version);
    assertThat(v.isPrerelease()).isEqualTo(prerelease);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "v.1.24.0",
        "v1.2",
        "01.2.3",
        "1.02.3",
        "1.2.3-01",
        "V1.2.3",
        "vv1.2.3",
        "1.2.3-",
        "1.2.3+",
        "1.2.3-rc..1",
        "99999999999999999.0.0",
        "master",
        "",
      })
  void invalid_isEmpty(String raw) {
    assertThat(SemVer.parse(raw)).isEmpty();
  }
}
