package dev.strata.domain.leg.model;

import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.matrix.api.LinuxEntry;
import dev.strata.domain.matrix.api.Scalar;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** LocalAI's profile values and matrix entries (HEAD), as the leg policy tests use them. */
final class LocalAi {
  private LocalAi() {}

  static final String DEFAULT_AMDGPU_TARGETS =
      "gfx908,gfx90a,gfx942,gfx950,gfx1030,gfx1100,gfx1101,gfx1102,gfx1151,gfx1200,gfx1201";

  static final AptMirrorPolicy APT =
      new AptMirrorPolicy(
          Set.of(RunnerClass.of("ubuntu-latest"), RunnerClass.of("ubuntu-24.04-arm")),
          new AptMirror("http://azure.archive.ubuntu.com", "http://azure.ports.ubuntu.com"),
          new AptMirror("http://mirrors.edge.kernel.org", ""));

  /** {@code -gpu-nvidia-cuda-12-llama-cpp}: self-hosted, prebuilt builder base. */
  static LinuxEntry cuda12LlamaCpp() {
    return entry(
        "build-type", "cublas",
        "cuda-major-version", "12",
        "cuda-minor-version", "8",
        "platforms", "linux/amd64",
        "tag-latest", "auto",
        "tag-suffix", "-gpu-nvidia-cuda-12-llama-cpp",
        "builder-base-image", "quay.io/go-skynet/ci-cache:base-grpc-cuda-12-amd64",
        "runs-on", "bigger-runner",
        "base-image", "ubuntu:24.04",
        "skip-drivers", "false",
        "backend", "llama-cpp",
        "dockerfile", "./backend/Dockerfile.llama-cpp",
        "context", "./",
        "ubuntu-version", "2404");
  }

  /** {@code -cpu-kokoro} arm64 leg: hosted arm runner, no builder base. */
  static LinuxEntry cpuKokoroArm64() {
    return entry(
        "build-type", "",
        "cuda-major-version", "",
        "cuda-minor-version", "",
        "platforms", "linux/arm64",
        "platform-tag", "arm64",
        "tag-latest", "auto",
        "tag-suffix", "-cpu-kokoro",
        "runs-on", "ubuntu-24.04-arm",
        "base-image", "ubuntu:24.04",
        "skip-drivers", "true",
        "backend", "kokoro",
        "dockerfile", "./backend/Dockerfile.python",
        "context", "./",
        "ubuntu-version", "2404");
  }

  /** {@code -gpu-nvidia-cuda-12-vllm}: single-arch, hosted. */
  static LinuxEntry cuda12Vllm() {
    return entry(
        "build-type", "cublas",
        "cuda-major-version", "12",
        "cuda-minor-version", "8",
        "platforms", "linux/amd64",
        "tag-latest", "auto",
        "tag-suffix", "-gpu-nvidia-cuda-12-vllm",
        "runs-on", "ubuntu-latest",
        "base-image", "ubuntu:24.04",
        "skip-drivers", "false",
        "backend", "vllm",
        "dockerfile", "./backend/Dockerfile.python",
        "context", "./",
        "ubuntu-version", "2404");
  }

  static LinuxEntry entry(String... kv) {
    Map<String, Scalar> f = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      f.put(kv[i], Scalar.string(kv[i + 1]));
    }
    return new LinuxEntry(f);
  }

  static LinuxEntry with(LinuxEntry e, String key, String value) {
    Map<String, Scalar> f = new LinkedHashMap<>(e.fields());
    f.put(key, Scalar.string(value));
    return new LinuxEntry(f);
  }
}
