package dev.strata.domain.leg.model;

import dev.strata.domain.Values;
import dev.strata.domain.leg.api.RunnerClass;

/**
 * One prebuilt builder base of the profile (DOMAIN.md 6.1), e.g. {@code base-grpc-cuda-12-amd64} on
 * {@code ubuntu-latest} from {@code ubuntu:24.04} with {@code cublas} 12.8.
 *
 * @param tag the base's tag in the cache repository
 * @param runsOn the runner class that builds it (bases are native to their runner's arch)
 * @param baseImage {@code BASE_IMAGE}
 * @param buildType {@code BUILD_TYPE}, "" for CPU
 * @param cudaMajor {@code CUDA_MAJOR_VERSION}, "" when not CUDA
 * @param cudaMinor {@code CUDA_MINOR_VERSION}, "" when not CUDA
 * @param ubuntuVersion {@code UBUNTU_VERSION}, e.g. {@code 2404}
 * @param skipDrivers {@code SKIP_DRIVERS}, {@code false} unless the variant says otherwise
 */
public record BaseVariant(
    String tag,
    RunnerClass runsOn,
    String baseImage,
    String buildType,
    String cudaMajor,
    String cudaMinor,
    String ubuntuVersion,
    String skipDrivers) {
  public BaseVariant {
    Values.required(tag, "base tag");
    Values.required(runsOn, "runner class of base " + tag);
    Values.required(baseImage, "base-image of base " + tag);
    Values.required(buildType, "build-type of base " + tag);
    Values.required(cudaMajor, "cuda-major-version of base " + tag);
    Values.required(cudaMinor, "cuda-minor-version of base " + tag);
    Values.required(ubuntuVersion, "ubuntu-version of base " + tag);
    Values.required(skipDrivers, "skip-drivers of base " + tag);
  }
}
