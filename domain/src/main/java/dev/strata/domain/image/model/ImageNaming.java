package dev.strata.domain.image.model;

import dev.strata.domain.Values;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import java.util.List;

/**
 * The repositories one image pipeline writes to, as the profile declares them. Nothing in the
 * domain names a registry: LocalAI's backend pipeline is {@code
 * ImageNaming(quay.io/go-skynet/ci-cache, [quay.io/go-skynet/local-ai-backends,
 * localai/localai-backends], quay.io/go-skynet/ci-tests)}.
 *
 * @param cacheRepo the repository holding registry caches, keepalive anchors and builder bases
 * @param publishRepos the repositories every non-PR leg pushes to by digest, in tag order (the
 *     first one is also the anchor source, DOMAIN.md 4.5)
 * @param prRepo the repository same-repo pull requests push their test tags to (4.7)
 */
public record ImageNaming(ImageRef cacheRepo, List<ImageRef> publishRepos, ImageRef prRepo) {

  public ImageNaming {
    requireRepository(cacheRepo, "cache repository");
    Values.required(publishRepos, "publish repositories");
    if (publishRepos.isEmpty()) {
      throw new IllegalArgumentException(
          "Invalid publish repositories []: expected at least one repository, e.g."
              + " [\"quay.io/go-skynet/local-ai-backends\"]");
    }
    publishRepos = List.copyOf(publishRepos);
    for (ImageRef repo : publishRepos) {
      requireRepository(repo, "publish repository");
    }
    requireRepository(prRepo, "pull-request repository");
  }

  /** Parses repository names, e.g. {@code of("quay.io/a/cache", List.of("quay.io/a/b"), ...)}. */
  public static ImageNaming of(String cacheRepo, List<String> publishRepos, String prRepo) {
    Values.required(publishRepos, "publish repositories");
    return new ImageNaming(
        ImageRef.parse(cacheRepo),
        publishRepos.stream().map(ImageRef::parse).toList(),
        ImageRef.parse(prRepo));
  }

  /** The image a keepalive anchor points at: the first publish repository at {@code digest}. */
  public ImageRef anchorSource(Digest digest) {
    return publishRepos.get(0).withDigest(digest);
  }

  /**
   * Where the merge into {@code publishRepo} reads a leg's digest from (DOMAIN.md 5.2): the cache
   * repository when it lives on the same registry (its anchors keep the manifest alive there), else
   * the publish repository itself.
   */
  public ImageRef mergeSource(ImageRef publishRepo, Digest digest) {
    Values.required(publishRepo, "publish repository");
    if (!publishRepos.contains(publishRepo)) {
      throw new IllegalArgumentException(
          "Tried to choose a merge source but failed because: "
              + Values.quote(publishRepo.toString())
              + " is not one of the publish repositories "
              + publishRepos);
    }
    ImageRef source = publishRepo.registry().equals(cacheRepo.registry()) ? cacheRepo : publishRepo;
    return source.withDigest(digest);
  }

  static ImageRef requireRepository(ImageRef ref, String what) {
    Values.required(ref, what);
    if (ref.tag() != null || ref.digest() != null) {
      throw new IllegalArgumentException(
          "Invalid "
              + what
              + " "
              + Values.quote(ref.toString())
              + ": expected a repository without tag or digest, e.g. \""
              + ref.repository()
              + "\"");
    }
    return ref;
  }
}
