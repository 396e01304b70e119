package dev.strata.domain.cache.model;

import dev.strata.domain.Values;
import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.image.api.LegKey;
import dev.strata.domain.image.api.PlatformTag;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.trigger.api.RunId;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The names derived from a leg's key (DOMAIN.md 2.4 and 4.8): its registry cache ref, its digest
 * artifact, the merge download glob of its group and its keepalive anchor.
 *
 * <p>Backend legs ({@link #backend}) use {@code cache<sfx>-<pt>} (a trailing dash when pt is
 * absent), {@code digests<sfx>--<pt|single>} and {@code keepalive-<run><sfx>-<pt|single>}. Root
 * image legs ({@link #rootImage}) put the image name after the prefixes ({@code
 * cache-localai<sfx>-<pt>}, {@code digests-localai<sfx>--<pt|single>}) and, everywhere except the
 * cache ref, replace an empty suffix by a placeholder ({@code -core}).
 *
 * <p>Injectivity: {@code pt} is a {@link PlatformTag} (absent, amd64 or arm64), so {@code
 * <sfx>-<pt>} cannot be produced by two different keys whose suffixes both start with {@code -}.
 */
public final class LegNames {
  private static final Pattern IMAGE_NAME = Pattern.compile("[a-z0-9]+(?:[._-][a-z0-9]+)*");
  private static final List<PlatformTag> CLEANUP_ORDER =
      List.of(PlatformTag.AMD64, PlatformTag.ARM64, PlatformTag.ABSENT);

  private final ImageRef cacheRepo;
  private final String cachePrefix;
  private final String artifactPrefix;
  private final TagSuffix emptySuffixPlaceholder;

  private LegNames(
      ImageRef cacheRepo,
      String cachePrefix,
      String artifactPrefix,
      TagSuffix emptySuffixPlaceholder) {
    this.cacheRepo = requireRepository(cacheRepo);
    this.cachePrefix = cachePrefix;
    this.artifactPrefix = artifactPrefix;
    this.emptySuffixPlaceholder = emptySuffixPlaceholder;
  }

  /** Names of backend legs whose caches and anchors live in {@code cacheRepo}. */
  public static LegNames backend(ImageRef cacheRepo) {
    return new LegNames(cacheRepo, "cache", "digests", TagSuffix.NONE);
  }

  /**
   * Names of root image legs (4.8): {@code imageName} is LocalAI's {@code localai}, {@code
   * emptySuffixPlaceholder} its {@code -core}.
   */
  public static LegNames rootImage(
      ImageRef cacheRepo, String imageName, TagSuffix emptySuffixPlaceholder) {
    Values.matching(
        imageName, IMAGE_NAME, "root image name", "lowercase letters and digits, e.g. \"localai\"");
    Values.required(emptySuffixPlaceholder, "empty-suffix placeholder");
    if (emptySuffixPlaceholder.isEmpty()) {
      throw new IllegalArgumentException(
          "Invalid empty-suffix placeholder \"\": expected a non-empty suffix, e.g. \"-core\"");
    }
    return new LegNames(
        cacheRepo, "cache-" + imageName, "digests-" + imageName, emptySuffixPlaceholder);
  }

  /** The cache tag {@code <prefix><sfx>-<pt>}, e.g. {@code cache-cpu-faster-whisper-amd64}. */
  public String cacheTag(LegKey key) {
    Values.required(key, "leg key");
    return cachePrefix + key.tagSuffix().value() + "-" + key.platformTag().value();
  }

  /** The registry cache ref the leg reads and (outside pull requests) writes. */
  public CacheRef cacheRef(LegKey key) {
    return new CacheRef(cacheRepo.withTag(cacheTag(key)));
  }

  /** The digest artifact name {@code <prefix><sfx>--<pt|single>}. */
  public String artifactName(LegKey key) {
    Values.required(key, "leg key");
    return artifactPrefix + groupSuffix(key.tagSuffix()) + "--" + key.platformTag().orSingle();
  }

  /**
   * The glob the merge of group {@code sfx} downloads its digests with: {@code <prefix><sfx>--*}.
   */
  public String mergeGlob(TagSuffix sfx) {
    return artifactPrefix + groupSuffix(sfx) + "--*";
  }

  /** The keepalive anchor tag {@code keepalive-<run><sfx>-<pt|single>} (4.5). */
  public String keepaliveTag(RunId run, LegKey key) {
    Values.required(run, "run id");
    Values.required(key, "leg key");
    return keepalive(run, key.tagSuffix(), key.platformTag());
  }

  /** The keepalive anchor as an image in the cache repository. */
  public ImageRef keepaliveRef(RunId run, LegKey key) {
    return cacheRepo.withTag(keepaliveTag(run, key));
  }

  /**
   * The anchor tags the merge of group {@code sfx} deletes afterwards, for amd64, arm64 and single
   * in that order (5.2 step 8), whether or not the run produced them.
   */
  public List<String> keepaliveTagsToClean(RunId run, TagSuffix sfx) {
    Values.required(run, "run id");
    return CLEANUP_ORDER.stream().map(pt -> keepalive(run, sfx, pt)).toList();
  }

  /** The repository holding caches and anchors. */
  public ImageRef cacheRepo() {
    return cacheRepo;
  }

  private String keepalive(RunId run, TagSuffix sfx, PlatformTag pt) {
    return "keepalive-" + run.value() + groupSuffix(sfx) + "-" + pt.orSingle();
  }

  private String groupSuffix(TagSuffix sfx) {
    Values.required(sfx, "tag-suffix");
    return sfx.isEmpty() ? emptySuffixPlaceholder.value() : sfx.value();
  }

  static ImageRef requireRepository(ImageRef repo) {
    Values.required(repo, "cache repository");
    if (repo.tag() != null || repo.digest() != null) {
      throw new IllegalArgumentException(
          "Invalid cache repository "
              + Values.quote(repo.toString())
              + ": expected a repository without tag or digest, e.g. \""
              + repo.repository()
              + "\"");
    }
    return repo;
  }
}
