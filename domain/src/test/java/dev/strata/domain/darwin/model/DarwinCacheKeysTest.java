package dev.strata.domain.darwin.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.cache.model.WeekKeyStyle;
import dev.strata.domain.trigger.api.RunId;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DarwinCacheKeysTest {
  private static final String H = "3f2a" + "0".repeat(60);

  // DOMAIN.md 8.2: setup-go-<RUNNER_OS>-<arch>-go-<version>-<hash>; <ImageOS>- on Linux.
  @ParameterizedTest
  @CsvSource(
      nullValues = "NULL",
      value = {
        "macOS, arm64, NULL, 1.25.3, setup-go-macOS-arm64-go-1.25.3-3f2a",
        "macOS, x64, ubuntu24, 1.25.3, setup-go-macOS-x64-go-1.25.3-3f2a",
        "Linux, x64, ubuntu24, 1.25.3, setup-go-Linux-x64-ubuntu24-go-1.25.3-3f2a",
        "macOS, arm64, NULL, 1.25.x, setup-go-macOS-arm64-go-1.25.x-3f2a",
      })
  void goKey_followsSetupGo(
      String os, String arch, String imageOs, String version, String expectedPrefix) {
    CacheKey key = DarwinCacheKeys.goModules(os, arch, imageOs, version, H);

    assertThat(key.key()).isEqualTo(expectedPrefix + "0".repeat(60));
    assertThat(key.restorePrefixes()).isEmpty();
  }

  @Test
  void goKey_onLinuxWithoutImageOs_isRefused() {
    assertThatThrownBy(() -> DarwinCacheKeys.goModules("Linux", "x64", null, "1.25.3", H))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ImageOS");
  }

  @Test
  void brewKey_isOsArchV1WorkflowHash() {
    assertThat(DarwinCacheKeys.homebrew("macOS", "ARM64", "abc123"))
        .isEqualTo(new CacheKey("brew-macOS-ARM64-v1-abc123", java.util.List.of()));
  }

  @Test
  void ccacheKey_isUniquePerRunAndRestoresByVersionPrefix() {
    CacheKey key = DarwinCacheKeys.ccache("llama", "ARM64", "b6a6f8a1", RunId.of("1234"));

    assertThat(key.key()).isEqualTo("ccache-llama-ARM64-b6a6f8a1-1234");
    assertThat(key.restorePrefixes()).containsExactly("ccache-llama-ARM64-b6a6f8a1-");
  }

  // The week segment: ISO by default, LocalAI's calendar-year form as an option.
  @ParameterizedTest
  @CsvSource({
    "ISO, 2024-12-30, pyenv-darwin-diffusers-2025-W01-abc",
    "CALENDAR_YEAR, 2024-12-30, pyenv-darwin-diffusers-2024-W01-abc",
    "ISO, 2027-01-01, pyenv-darwin-diffusers-2026-W53-abc",
    "CALENDAR_YEAR, 2027-01-01, pyenv-darwin-diffusers-2027-W53-abc",
  })
  void wheelsKey_carriesTheWeek(WeekKeyStyle style, LocalDate date, String expected) {
    CacheKey key = DarwinCacheKeys.wheels("diffusers", style.keyOf(date), "abc");

    assertThat(key.key()).isEqualTo(expected);
    assertThat(key.restorePrefixes()).containsExactly("pyenv-darwin-diffusers-");
  }

  @Test
  void wheelsKey_withoutRequirementsFiles_endsWithDash() {
    assertThat(
            DarwinCacheKeys.wheels("mlx", WeekKeyStyle.ISO.keyOf(LocalDate.of(2026, 8, 22)), "")
                .key())
        .isEqualTo("pyenv-darwin-mlx-2026-W34-");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"macOS|ARM 64|\"ARM 64\"", "mac,OS|ARM64|\"mac,OS\"", "macOS|ARM64|\"XYZ\""})
  void badInputs_areRefusedAndQuoted(String os, String arch, String quoted) {
    String hash = quoted.equals("\"XYZ\"") ? "XYZ" : "abc";
    assertThatThrownBy(() -> DarwinCacheKeys.homebrew(os, arch, hash))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(quoted);
  }
}
