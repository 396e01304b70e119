package dev.strata.domain.audit.api;

/**
 * One recorded build input that differs between a leg and the last write of its cache ref.
 *
 * @param input the input's name: {@code build-arg DEPS_REFRESH}, {@code base image}, {@code builder
 *     base image}, {@code Dockerfile digest}, {@code context digest}, {@code builder}, {@code
 *     ccache mount id} or {@code cache ref}
 * @param before the value at the last write (null when absent there)
 * @param after the leg's value (null when absent)
 */
public record InputDifference(String input, String before, String after) {}
