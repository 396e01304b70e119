package dev.strata.domain.leg.model;

import dev.strata.domain.Values;
import dev.strata.domain.image.api.ImageRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code engine} driver's command lines: the Docker engine's built-in BuildKit through {@code
 * DOCKER_BUILDKIT=1 <docker> build --progress=plain} (no buildx). The engine has no cache export
 * and no push-by-digest output, so the registry cache is BuildKit's inline cache ({@code
 * --build-arg BUILDKIT_INLINE_CACHE=1} when the leg writes its cache, {@code --cache-from <ref>}
 * always) and the image is built under local tags that the driver pushes afterwards.
 *
 * <p>A leg renders as {@code <docker> build --progress=plain --platform <p> --file <dockerfile>},
 * the build-args in order, then {@code --build-arg BUILDKIT_INLINE_CACHE=1} (writing legs), {@code
 * --cache-from <cache ref>}, one {@code --label k=v} per label, one {@code --tag <t>} per local
 * tag, {@code --iidfile <file>} and the context.
 */
public final class EngineCommands {
  /** The environment every engine build runs with. */
  public static final Map<String, String> BUILDKIT_ENV = Map.of("DOCKER_BUILDKIT", "1");

  /** The build-arg that makes BuildKit embed its cache metadata in the image config. */
  public static final BuildArg INLINE_CACHE = new BuildArg("BUILDKIT_INLINE_CACHE", "1");

  private EngineCommands() {}

  /**
   * The build of {@code plan}.
   *
   * @param docker the docker client, e.g. {@code /usr/bin/docker}
   * @param tags the local tags the image gets (the driver pushes from them)
   * @param iidFile where the engine writes the image id
   */
  public static BuildInvocation build(
      BuildPlan plan, String docker, List<ImageRef> tags, String iidFile) {
    Values.required(plan, "build plan");
    Values.required(tags, "tags");
    List<String> argv = start(docker);
    argv.addAll(List.of("--platform", plan.platform(), "--file", plan.dockerfile()));
    addArgs(argv, plan.buildArgs());
    if (plan.cache().writes()) {
      addArgs(argv, List.of(INLINE_CACHE));
    }
    argv.addAll(List.of("--cache-from", plan.cache().ref().toString()));
    for (ImageLabel label : plan.labels()) {
      argv.addAll(List.of("--label", label.toString()));
    }
    finish(argv, tags, iidFile, plan.context());
    return new BuildInvocation(argv, BUILDKIT_ENV);
  }

  /** The build of a builder base (6.1) under its tag, with inline cache. */
  public static BuildInvocation base(BasePlan plan, String docker, String iidFile) {
    Values.required(plan, "base plan");
    List<String> argv = start(docker);
    argv.addAll(List.of("--file", plan.dockerfile()));
    addArgs(argv, plan.buildArgs());
    addArgs(argv, List.of(INLINE_CACHE));
    argv.addAll(List.of("--cache-from", plan.cache().ref().toString()));
    finish(argv, List.of(plan.image()), iidFile, plan.context());
    return new BuildInvocation(argv, BUILDKIT_ENV);
  }

  /** {@code <docker> push <ref>}. */
  public static BuildInvocation push(String docker, ImageRef ref) {
    Values.required(docker, "docker client");
    Values.required(ref, "image to push");
    return BuildInvocation.of(List.of(docker, "push", ref.toString()));
  }

  /** {@code <docker> image rm <ref>...}: drops local tags once pushed. */
  public static BuildInvocation removeTags(String docker, List<ImageRef> refs) {
    Values.required(docker, "docker client");
    List<String> argv = new ArrayList<>(List.of(docker, "image", "rm"));
    Values.required(refs, "tags").forEach(r -> argv.add(r.toString()));
    return BuildInvocation.of(argv);
  }

  private static List<String> start(String docker) {
    Values.required(docker, "docker client");
    return new ArrayList<>(List.of(docker, "build", "--progress=plain"));
  }

  private static void addArgs(List<String> argv, List<BuildArg> args) {
    for (BuildArg arg : args) {
      argv.addAll(List.of("--build-arg", arg.toString()));
    }
  }

  private static void finish(List<String> argv, List<ImageRef> tags, String iidFile, String ctx) {
    Values.required(iidFile, "iid file");
    for (ImageRef tag : tags) {
      argv.addAll(List.of("--tag", tag.toString()));
    }
    argv.addAll(List.of("--iidfile", iidFile, ctx));
  }
}
