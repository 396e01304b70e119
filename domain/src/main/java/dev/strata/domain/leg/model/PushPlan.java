package dev.strata.domain.leg.model;

import dev.strata.domain.Values;
import dev.strata.domain.image.api.ImageRef;
import java.util.List;

/**
 * What a Linux leg pushes (DOMAIN.md 4.4, 4.7). Provenance is always off, so the digest is the same
 * in every registry (invariant 5 of 10).
 */
public sealed interface PushPlan {

  /** Whether the build pushes anything. */
  boolean push();

  /** The buildx {@code outputs} lines (empty when the build uses tags instead). */
  List<String> outputs();

  /** The tags applied at build time (empty for push-by-digest). */
  List<ImageRef> tags();

  /** The repositories the leg writes images to; empty when it pushes nothing. */
  List<ImageRef> pushedRepositories();

  /** {@code provenance: false}, always. */
  default boolean provenance() {
    return false;
  }

  /**
   * Non-PR legs: push by digest, untagged, to every publish repository.
   *
   * @param repositories the publish repositories, in order
   */
  record ByDigest(List<ImageRef> repositories) implements PushPlan {
    public ByDigest {
      repositories = List.copyOf(Values.required(repositories, "publish repositories"));
    }

    @Override
    public boolean push() {
      return true;
    }

    /**
     * One {@code type=image,name=<repo>,push-by-digest=true,name-canonical=true,push=true} per
     * repository.
     */
    @Override
    public List<String> outputs() {
      return repositories.stream()
          .map(
              r ->
                  "type=image,name="
                      + r.repository()
                      + ",push-by-digest=true,name-canonical=true,push=true")
          .toList();
    }

    @Override
    public List<ImageRef> tags() {
      return List.of();
    }

    @Override
    public List<ImageRef> pushedRepositories() {
      return repositories;
    }
  }

  /**
   * Pull-request legs: tags on the PR test repository, pushed only for same-repository PRs (a fork
   * PR has no registry credentials and only builds).
   *
   * @param tags the test tags
   * @param push whether they are pushed
   */
  record TestTags(List<ImageRef> tags, boolean push) implements PushPlan {
    public TestTags {
      tags = List.copyOf(Values.required(tags, "tags"));
    }

    @Override
    public List<String> outputs() {
      return List.of();
    }

    @Override
    public List<ImageRef> pushedRepositories() {
      return push
          ? tags.stream().map(t -> ImageRef.of(t.repository())).distinct().toList()
          : List.of();
    }
  }
}
