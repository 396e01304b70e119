package dev.strata.domain.leg.model;

import dev.strata.domain.Values;
import dev.strata.domain.image.api.ImageRef;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code buildx} driver's command lines: what docker/build-push-action runs for a leg
 * (DOMAIN.md 4.4 and 4.7), the keepalive anchor of 4.5, and a builder base of 6.1.
 *
 * <p>A leg renders as {@code <docker> buildx build --platform <p> --file <dockerfile>}, one {@code
 * --build-arg NAME=value} per build-arg in order, {@code --cache-from type=registry,ref=<ref>},
 * {@code --cache-to type=registry,ref=<ref>,mode=max,ignore-error=true} (non-PR only), then either
 * one {@code --output type=image,name=<repo>,push-by-digest=true,name-canonical=true,push=true} per
 * publish repository (non-PR) or {@code --tag <t>} per PR test tag plus {@code --push} when the PR
 * may push; then {@code --provenance=false}, one {@code --label k=v} per label, {@code
 * --metadata-file <file>} (where the pushed digest is read from) and the context.
 */
public final class BuildxCommands {
  private BuildxCommands() {}

  /**
   * The build of {@code plan}.
   *
   * @param docker the docker client with the buildx plugin
   * @param metadataFile where buildx writes {@code containerimage.digest}
   */
  public static BuildInvocation build(BuildPlan plan, String docker, String metadataFile) {
    Values.required(plan, "build plan");
    Values.required(docker, "docker client");
    Values.required(metadataFile, "metadata file");
    List<String> argv = new ArrayList<>(List.of(docker, "buildx", "build"));
    argv.addAll(List.of("--platform", plan.platform(), "--file", plan.dockerfile()));
    for (BuildArg arg : plan.buildArgs()) {
      argv.addAll(List.of("--build-arg", arg.toString()));
    }
    argv.addAll(List.of("--cache-from", plan.cache().cacheFrom()));
    plan.cache().cacheTo().ifPresent(to -> argv.addAll(List.of("--cache-to", to)));
    for (String output : plan.push().outputs()) {
      argv.addAll(List.of("--output", output));
    }
    for (ImageRef tag : plan.push().tags()) {
      argv.addAll(List.of("--tag", tag.toString()));
    }
    if (plan.push() instanceof PushPlan.TestTags t && t.push()) {
      argv.add("--push");
    }
    argv.add("--provenance=" + plan.push().provenance());
    for (ImageLabel label : plan.labels()) {
      argv.addAll(List.of("--label", label.toString()));
    }
    argv.addAll(List.of("--metadata-file", metadataFile, plan.context()));
    return BuildInvocation.of(argv);
  }

  /**
   * The keepalive anchor (4.5): {@code <docker> buildx imagetools create -t <anchor>
   * <source>@<digest>}.
   */
  public static BuildInvocation anchor(String docker, ImageRef anchor, ImageRef source) {
    Values.required(docker, "docker client");
    Values.required(anchor, "anchor");
    Values.required(source, "anchor source");
    if (source.digest() == null) {
      throw new IllegalArgumentException(
          "Invalid anchor source "
              + Values.quote(source.toString())
              + ": expected <repository>@<digest>, the pushed image by digest");
    }
    return BuildInvocation.of(
        List.of(
            docker, "buildx", "imagetools", "create", "-t", anchor.toString(), source.toString()));
  }

  /**
   * A builder base (6.1): pushed as a normal tag, native to the runner (no platform), registry
   * cache read and written with {@code mode=max,ignore-error=true}, no provenance.
   */
  public static BuildInvocation base(BasePlan plan, String docker) {
    Values.required(plan, "base plan");
    Values.required(docker, "docker client");
    List<String> argv = new ArrayList<>(List.of(docker, "buildx", "build"));
    argv.addAll(List.of("--file", plan.dockerfile()));
    for (BuildArg arg : plan.buildArgs()) {
      argv.addAll(List.of("--build-arg", arg.toString()));
    }
    argv.addAll(List.of("--cache-from", plan.cache().cacheFrom()));
    plan.cache().cacheTo().ifPresent(to -> argv.addAll(List.of("--cache-to", to)));
    argv.addAll(
        List.of("--tag", plan.image().toString(), "--push", "--provenance=false", plan.context()));
    return BuildInvocation.of(argv);
  }
}
