package dev.strata.darwin.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyPolicyTest {
  @ParameterizedTest
  @CsvSource({
    "LOCALAI, wheels, pyenv-darwin-vllm-2026-W45-abc123, pyenv-darwin-vllm-2026-W45-abc123",
    "SHARED_WHEELS, wheels, pyenv-darwin-vllm-2026-W45-abc123, pyenv-darwin-shared-2026-W45",
    "SHARED_WHEELS, wheels, pyenv-darwin-faster-whisper-2025-W01-, pyenv-darwin-shared-2025-W01",
    "SHARED_WHEELS, homebrew, brew-macOS-ARM64-v1-abc, brew-macOS-ARM64-v1-abc",
    "SHARED_WHEELS, ccache, ccache-llama-ARM64-b1234-42, ccache-llama-ARM64-b1234-42"
  })
  void map_collapsesOnlyWheelKeys_underSharedWheels(
      KeyPolicy policy, String cache, String key, String mapped) {
    assertThat(policy.map(cache, key)).isEqualTo(mapped);
  }

  @ParameterizedTest
  @CsvSource({
    "wheels, pyenv-darwin-faster-whisper-2026-W45-abc, pyenv-darwin-faster-whisper-",
    "wheels, pyenv-darwin-shared-2026-W45, pyenv-darwin-shared-",
    "ccache, ccache-llama-ARM64-b1234-42, ccache-llama-ARM64-b1234-",
    "go, setup-go-macOS-arm64-go-1.25.3-abc, ''",
    "homebrew, brew-macOS-ARM64-v1-abc, ''"
  })
  void restorePrefixes_areReadBackFromTheKeyFormat(String cache, String key, String prefix) {
    assertThat(KeyPolicy.LOCALAI.restorePrefixes(cache, key))
        .isEqualTo(prefix.isEmpty() ? List.of() : List.of(prefix));
  }
}
