package dev.strata.domain.cache.model;

import dev.strata.domain.Values;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The BuildKit cache-mount ids of the C++ Dockerfiles (DOMAIN.md 7): {@code
 * <backend>-ccache-<TARGETARCH>-<BUILD_TYPE>}, e.g. {@code llama-cpp-ccache-amd64-cublas} or {@code
 * llama-cpp-ccache-arm64-} for a CPU build (trailing dash). The CUDA major version is not part of
 * the scope, so cublas-12 and cublas-13 legs share one id.
 *
 * @param backends the backends whose Dockerfiles declare such a mount (profile data; LocalAI's are
 *     llama-cpp, ik-llama-cpp, turboquant, bonsai, ds4, privacy-filter and audio-cpp)
 */
public record CcacheMounts(Set<String> backends) {
  private static final Pattern PLATFORM =
      Pattern.compile("([a-z0-9]+)/([a-z0-9_]+)(?:/[a-z0-9]+)?");

  public CcacheMounts {
    backends = Set.copyOf(Values.required(backends, "ccache backends"));
  }

  /**
   * The mount id of a leg, or empty when the backend has no ccache mount.
   *
   * @param backend the matrix entry's {@code backend}
   * @param platforms the entry's {@code platforms}, one platform such as {@code linux/amd64}
   * @param buildType the entry's {@code build-type}, empty for CPU builds
   */
  public Optional<String> mountId(String backend, String platforms, String buildType) {
    Values.required(backend, "backend");
    Values.required(buildType, "build-type");
    String arch = targetArch(platforms);
    if (!backends.contains(backend)) {
      return Optional.empty();
    }
    return Optional.of(backend + "-ccache-" + arch + "-" + buildType);
  }

  /**
   * BuildKit's {@code TARGETARCH} for a single platform: {@code linux/amd64} gives {@code amd64}.
   * Lists of several platforms are refused: each would get its own mount id.
   */
  public static String targetArch(String platforms) {
    Values.required(platforms, "platforms");
    var m = PLATFORM.matcher(platforms);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "Invalid platforms "
              + Values.quote(platforms)
              + ": expected exactly one platform <os>/<arch>[/<variant>], e.g. \"linux/amd64\"");
    }
    return m.group(2);
  }
}
