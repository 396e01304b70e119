package dev.strata.merge.core;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.run.api.MergeSource;
import dev.strata.domain.run.api.PublishedIndex;
import dev.strata.merge.port.ImageRegistry;
import dev.strata.runtime.registry.RawManifest;
import dev.strata.runtime.registry.RegistryException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes a merge group: makes sure every source manifest is in every target repository (copying
 * it, blobs first, from the merge source, the anchor or wherever the leg pushed it), builds one OCI
 * index whose entries take their platform from each image's config, and pushes it under every tag.
 * No tag is written unless every source is present in every target.
 *
 * <p>Transient registry failures are thrown so that the caller retries; refusals come back as
 * {@link PublishOutcome.Refused} with the registry's words.
 */
public final class IndexPublisher {
  private final ImageRegistry registry;
  private final Map<Digest, Platform> platformByConfig = new ConcurrentHashMap<>();

  public IndexPublisher(ImageRegistry registry) {
    this.registry = registry;
  }

  /**
   * Publishes {@code sources} (in index order) to each of {@code targets} under {@code tags}; the
   * candidates of a source per target come from {@code locate}.
   */
  public PublishOutcome publish(
      List<ImageRef> targets, List<String> tags, List<MergeSource> sources, Locator locate)
      throws RegistryException {
    List<IndexEntry> entries = null;
    for (ImageRef target : targets) {
      List<IndexEntry> targetEntries = new ArrayList<>();
      for (MergeSource source : sources) {
        List<ImageRef> candidates = locate.candidates(target, source);
        Optional<RawManifest> manifest;
        try {
          manifest = ensure(target, source.digest(), candidates);
        } catch (RegistryException e) {
          if (e.isTransient()) {
            throw e;
          }
          return refused(e.getMessage(), source.legId());
        }
        if (manifest.isEmpty()) {
          return refused(
              "digest "
                  + source.digest()
                  + " of leg "
                  + source.legId()
                  + " (built by run "
                  + source.builtBy()
                  + ") is in none of "
                  + distinct(target, candidates),
              source.legId());
        }
        targetEntries.addAll(entriesOf(target, manifest.get()));
      }
      entries = entries == null ? targetEntries : entries;
    }
    RawManifest index = OciIndex.of(entries);
    List<String> platforms = entries.stream().map(e -> e.platform().toString()).toList();
    List<PublishedIndex> published = new ArrayList<>();
    for (ImageRef target : targets) {
      try {
        for (String tag : tags) {
          registry.pushIndex(target, tag, index);
        }
      } catch (RegistryException e) {
        if (e.isTransient()) {
          throw e;
        }
        return new PublishOutcome.Refused(e.getMessage(), List.of());
      }
      published.add(new PublishedIndex(target, index.digest(), tags, platforms));
    }
    return new PublishOutcome.Published(published);
  }

  /** Where a source may be copied from into a target, best first. */
  @FunctionalInterface
  public interface Locator {
    List<ImageRef> candidates(ImageRef target, MergeSource source);
  }

  private static PublishOutcome refused(String reason, LegId leg) {
    return new PublishOutcome.Refused(reason, List.of(leg));
  }

  private static List<ImageRef> distinct(ImageRef target, List<ImageRef> candidates) {
    Set<ImageRef> all = new LinkedHashSet<>();
    all.add(target);
    all.addAll(candidates);
    return List.copyOf(all);
  }

  /** The manifest {@code digest} in {@code target}, copied there from a candidate if needed. */
  private Optional<RawManifest> ensure(ImageRef target, Digest digest, List<ImageRef> candidates)
      throws RegistryException {
    Optional<RawManifest> present = registry.manifest(target.withDigest(digest));
    if (present.isPresent()) {
      return present;
    }
    for (ImageRef candidate : candidates) {
      if (candidate.equals(target)) {
        continue;
      }
      Optional<RawManifest> found = registry.manifest(candidate.withDigest(digest));
      if (found.isPresent()) {
        copy(candidate, target, found.get());
        return found;
      }
    }
    return Optional.empty();
  }

  private void copy(ImageRef source, ImageRef target, RawManifest manifest)
      throws RegistryException {
    ManifestContent content = ManifestContent.parse(manifest);
    if (content.isIndex()) {
      for (IndexEntry child : content.children()) {
        if (ensure(target, child.digest(), List.of(source)).isEmpty()) {
          throw new RegistryException(
              "copy index",
              source.withDigest(manifest.digest()).toString(),
              404,
              "MANIFEST_UNKNOWN",
              "its entry " + child.digest() + " is missing",
              null);
        }
      }
    } else {
      for (Digest blob : content.blobs()) {
        registry.copyBlob(source, target, blob);
      }
    }
    registry.pushManifest(target, manifest);
  }

  /** Index entries for a source: itself with its config's platform, or an index's children. */
  private List<IndexEntry> entriesOf(ImageRef repository, RawManifest manifest)
      throws RegistryException {
    ManifestContent content = ManifestContent.parse(manifest);
    if (content.isIndex()) {
      return content.children();
    }
    Platform platform = platformByConfig.get(content.config());
    if (platform == null) {
      platform = ManifestContent.platformOf(registry.blob(repository, content.config()));
      platformByConfig.put(content.config(), platform);
    }
    return List.of(
        new IndexEntry(manifest.mediaType(), manifest.digest(), manifest.size(), platform));
  }
}
