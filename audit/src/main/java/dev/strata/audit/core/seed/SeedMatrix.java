package dev.strata.audit.core.seed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The matrix a seeded history builds: Linux and Darwin entries, grouped by backend (a filtered push
 * selects every entry of the backends it touched, as LocalAI's path filter does).
 */
public record SeedMatrix(List<SeedEntry> linux, List<SeedEntry> darwin) {
  public SeedMatrix {
    linux = List.copyOf(linux);
    darwin = List.copyOf(darwin);
  }

  /** Every entry, Linux first. */
  public List<SeedEntry> all() {
    List<SeedEntry> all = new ArrayList<>(linux);
    all.addAll(darwin);
    return all;
  }

  /** The distinct backends, in file order. */
  public List<String> backends() {
    Set<String> names = new LinkedHashSet<>();
    all().forEach(e -> names.add(e.backend()));
    return new ArrayList<>(names);
  }

  /** The entries of the given backends. */
  public List<SeedEntry> ofBackends(Set<String> backends) {
    return all().stream().filter(e -> backends.contains(e.backend())).toList();
  }

  /** The distinct builder base images the Linux entries use, in file order. */
  public List<String> builderBases() {
    Set<String> bases = new LinkedHashSet<>();
    linux.forEach(
        e -> {
          if (!e.builderBase().isEmpty()) {
            bases.add(e.builderBase());
          }
        });
    return new ArrayList<>(bases);
  }

  /**
   * A LocalAI-shaped matrix without the fixture: per backend a CPU amd64/arm64 pair and GPU
   * flavours (CUDA 12 and 13, ROCm, Intel, Vulkan, L4T), Python, Go and llama.cpp-style Dockerfiles
   * (the latter on prebuilt builder bases), and Darwin entries.
   */
  public static SeedMatrix synthetic(String cacheRepository) {
    List<SeedEntry> linux = new ArrayList<>();
    String[] python = {
      "vllm", "diffusers", "transformers", "kokoro", "coqui", "bark", "faster-whisper",
      "rerankers", "chatterbox", "exllama2", "rfdetr", "kitten-tts", "neutts", "vibevoice"
    };
    String[] golang = {"piper", "whisper", "stablediffusion-ggml", "silero-vad", "local-store"};
    for (String b : python) {
      flavours(linux, b, "./backend/Dockerfile.python", "", cacheRepository);
    }
    for (String b : golang) {
      flavours(linux, b, "./backend/Dockerfile.golang", "", cacheRepository);
    }
    flavours(linux, "llama-cpp", "./backend/Dockerfile.llama-cpp", "base", cacheRepository);
    flavours(linux, "turboquant", "./backend/Dockerfile.turboquant", "base", cacheRepository);
    List<SeedEntry> darwin = new ArrayList<>();
    for (String b : new String[] {"llama-cpp", "mlx", "diffusers", "whisper", "kokoro"}) {
      Map<String, String> f = new LinkedHashMap<>();
      f.put("backend", b);
      f.put("tag-suffix", "-metal-darwin-arm64-" + b);
      f.put("build-type", b.equals("whisper") ? "metal" : "mps");
      if (b.equals("whisper") || b.equals("llama-cpp")) {
        f.put("lang", "go");
      }
      darwin.add(new SeedEntry(f, true));
    }
    return new SeedMatrix(linux, darwin);
  }

  private static void flavours(
      List<SeedEntry> out, String backend, String dockerfile, String base, String cacheRepo) {
    String[][] variants = {
      // suffix prefix, build-type, cuda major, platform, base image, base variant
      {"-cpu-", "", "", "amd64", "ubuntu:24.04", "base-grpc-amd64"},
      {"-cpu-", "", "", "arm64", "ubuntu:24.04", "base-grpc-arm64"},
      {"-gpu-nvidia-cuda-12-", "cublas", "12", "", "ubuntu:24.04", "base-grpc-cuda-12-amd64"},
      {"-gpu-nvidia-cuda-13-", "cublas", "13", "", "ubuntu:22.04", "base-grpc-cuda-13-amd64"},
      {
        "-gpu-rocm-hipblas-",
        "hipblas",
        "",
        "",
        "rocm/dev-ubuntu-24.04:7.2.1",
        "base-grpc-rocm-amd64"
      },
      {
        "-gpu-intel-",
        "sycl_f16",
        "",
        "",
        "intel/oneapi-basekit:2025.3.2-0-devel-ubuntu24.04",
        "base-grpc-intel-amd64"
      },
      {"-gpu-vulkan-", "vulkan", "", "amd64", "ubuntu:24.04", "base-grpc-vulkan-amd64"},
      {"-gpu-vulkan-", "vulkan", "", "arm64", "ubuntu:24.04", "base-grpc-vulkan-arm64"},
      {
        "-nvidia-l4t-",
        "l4t",
        "12",
        "",
        "nvcr.io/nvidia/l4t-jetpack:r36.4.0",
        "base-grpc-l4t-cuda-12-arm64"
      }
    };
    for (String[] v : variants) {
      boolean arm = v[3].equals("arm64") || v[0].equals("-nvidia-l4t-");
      Map<String, String> f = new LinkedHashMap<>();
      f.put("build-type", v[1]);
      f.put("cuda-major-version", v[2]);
      f.put("cuda-minor-version", v[2].isEmpty() ? "" : "0");
      f.put("platforms", arm ? "linux/arm64" : "linux/amd64");
      if (!v[3].isEmpty()) {
        f.put("platform-tag", v[3]);
      }
      f.put("tag-latest", "auto");
      f.put("tag-suffix", v[0] + backend);
      f.put("runs-on", arm ? "ubuntu-24.04-arm" : "ubuntu-latest");
      f.put("base-image", v[4]);
      f.put("skip-drivers", "false");
      f.put("backend", backend);
      f.put("dockerfile", dockerfile);
      f.put("context", "./");
      f.put("ubuntu-version", v[4].contains("22.04") ? "2204" : "2404");
      if (!base.isEmpty()) {
        f.put("builder-base-image", cacheRepo + ":" + v[5]);
      }
      out.add(new SeedEntry(f, false));
    }
  }
}
