package dev.strata.darwin.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.darwin.testing.DarwinFixture;
import dev.strata.darwin.testing.ShippedProfile;
import dev.strata.domain.cache.model.WeekKeyStyle;
import dev.strata.domain.darwin.model.DarwinCachePolicy.Cache;
import dev.strata.domain.trigger.api.RunId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LegCacheKeysTest {
  @TempDir Path ws;
  private static final Machine MAC =
      new Machine(Path.of("/h"), Path.of("/b"), "macOS", "ARM64", "arm64", "/usr/bin", Map.of());

  @Test
  void hashFiles_isTheShaOfThePerFileShas_inPathOrder_orEmpty() throws Exception {
    Files.createDirectories(ws.resolve("b"));
    Files.writeString(ws.resolve("b/requirements.txt"), "a\n");
    Files.writeString(ws.resolve("b/requirements-mps.txt"), "b\n");
    Files.writeString(ws.resolve("b/other.txt"), "c\n");

    String both = HashFiles.ofGlob(ws, "b", "requirements*.txt");
    var outer = java.security.MessageDigest.getInstance("SHA-256");
    outer.update(java.security.MessageDigest.getInstance("SHA-256").digest("b\n".getBytes()));
    outer.update(java.security.MessageDigest.getInstance("SHA-256").digest("a\n".getBytes()));

    assertThat(both).isEqualTo(java.util.HexFormat.of().formatHex(outer.digest()));
    assertThat(HashFiles.ofGlob(ws, "missing", "requirements*.txt")).isEmpty();
    assertThat(HashFiles.of(ws, "go.sum")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "2024-12-30T08:00:00Z, ISO, 2025-W01",
    "2024-12-30T08:00:00Z, CALENDAR_YEAR, 2024-W01",
    "2027-01-01T08:00:00Z, ISO, 2026-W53",
    "2027-01-01T08:00:00Z, CALENDAR_YEAR, 2027-W53",
    "2026-11-02T10:00:00Z, ISO, 2026-W45"
  })
  void wheelsKey_usesTheJobStartWeekInTheProfilesStyle(
      String start, WeekKeyStyle style, String week) throws Exception {
    Files.createDirectories(ws.resolve("backend/python/vllm"));
    Files.writeString(ws.resolve("backend/python/vllm/requirements.txt"), "vllm\n");
    DarwinProfile profile =
        new DarwinProfile(
            Map.of(),
            List.of(),
            "t",
            List.of(),
            List.of(),
            List.of(),
            Map.of(
                Cache.GO, List.of("go"),
                Cache.CCACHE, List.of("ccache"),
                Cache.WHEELS, List.of("pip")),
            "wf.yml",
            "go.sum",
            "backend/python/{backend}",
            null,
            "llama",
            "Makefile",
            "2G",
            java.util.Set.of(),
            true,
            style,
            "x.tar",
            null,
            List.of(),
            "darwin/arm64");

    var keys =
        LegCacheKeys.compute(
            profile,
            MAC,
            DarwinFixture.python("vllm"),
            RunId.of("r1"),
            ws,
            "1.25.3",
            Instant.parse(start));

    assertThat(keys.get(Cache.WHEELS).key())
        .isEqualTo(
            "pyenv-darwin-vllm-"
                + week
                + "-"
                + HashFiles.ofGlob(ws, "backend/python/vllm", "requirements*.txt"));
    assertThat(keys.get(Cache.WHEELS).restorePrefixes()).containsExactly("pyenv-darwin-vllm-");
    assertThat(keys.get(Cache.GO).key()).isEqualTo("setup-go-macOS-arm64-go-1.25.3-");
    assertThat(keys.get(Cache.HOMEBREW).key()).isEqualTo("brew-macOS-ARM64-v1-");
    assertThat(keys).doesNotContainKey(Cache.CCACHE);
  }

  @Test
  void ccacheKey_readsLlamaVersionFromTheMakefile_andEndsWithTheRunId() throws Exception {
    Files.createDirectories(ws.resolve("backend/cpp/llama-cpp"));
    Files.writeString(ws.resolve("backend/cpp/llama-cpp/Makefile"), "\nLLAMA_VERSION ?= b6123\n");

    var keys =
        LegCacheKeys.compute(
            ShippedProfile.localAi(List.of()),
            MAC,
            DarwinFixture.entry("llama-cpp", "metal", "go"),
            RunId.of("17000000001"),
            ws,
            "1.25.3",
            Instant.parse("2026-11-02T10:00:00Z"));

    assertThat(keys.get(Cache.CCACHE).key()).isEqualTo("ccache-llama-ARM64-b6123-17000000001");
    assertThat(keys.get(Cache.CCACHE).restorePrefixes())
        .containsExactly("ccache-llama-ARM64-b6123-");
    assertThat(keys).doesNotContainKey(Cache.WHEELS);
  }

  @ParameterizedTest
  @CsvSource({
    "go version go1.25.3 darwin/arm64, 1.25.3",
    "go version go1.24.0 linux/amd64, 1.24.0",
    "go version go1.26rc1 darwin/arm64, 1.26rc1"
  })
  void parseGoVersion_readsWhatGoVersionPrints(String output, String version) {
    assertThat(LegCacheKeys.parseGoVersion(output)).isEqualTo(version);
  }

  @Test
  void parseGoVersion_quotesWhatItGot() {
    assertThatThrownBy(() -> LegCacheKeys.parseGoVersion("command not found"))
        .hasMessageContaining("\"command not found\"");
  }
}
