package dev.strata.merge.core;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.run.api.TagCleanup;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.merge.port.ImageRegistry;
import dev.strata.runtime.registry.RegistryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Deletes a merged group's keepalive anchors (DOMAIN.md 5.2 step 8), best effort: each tag's
 * outcome is {@code deleted}, {@code absent}, {@code forbidden}, {@code kept: <why>} or {@code
 * error: <detail>}, and nothing here fails the merge. Registries delete manifests by digest, which
 * removes every tag on it, so an anchor whose image still anchors another run's unmerged leg is
 * kept.
 */
public final class KeepaliveCleaner {
  private final ImageRegistry registry;

  public KeepaliveCleaner(ImageRegistry registry) {
    this.registry = registry;
  }

  /** Cleans the anchors of {@code legs} (legs of run {@code runId}). */
  public List<TagCleanup> clean(RunId runId, List<LegDigest> legs, RunLedger ledger) {
    List<TagCleanup> outcomes = new ArrayList<>();
    for (LegDigest leg : legs) {
      ImageRef anchor = leg.anchor();
      if (anchor == null || anchor.tag() == null) {
        continue;
      }
      outcomes.add(new TagCleanup(anchor.toString(), cleanOne(runId, leg, anchor, ledger)));
    }
    return outcomes;
  }

  private String cleanOne(RunId runId, LegDigest leg, ImageRef anchor, RunLedger ledger) {
    List<LegDigest> others = ledger.openAnchorsOf(leg.digest(), runId);
    if (!others.isEmpty()) {
      LegDigest other = others.get(0);
      return "kept: "
          + leg.digest()
          + " still anchors leg "
          + other.legId()
          + " of run "
          + other.runId()
          + ", which is not merged yet";
    }
    try {
      Optional<Digest> digest = registry.resolveTag(anchor);
      if (digest.isEmpty()) {
        return "absent";
      }
      return registry.deleteManifest(ImageRef.of(anchor.repository()), digest.get())
          ? "deleted"
          : "absent";
    } catch (RegistryException e) {
      if (e.status() == 401 || e.status() == 403) {
        return "forbidden";
      }
      if (e.status() == 405 || "UNSUPPORTED".equals(e.errorCode())) {
        return "error: the registry does not allow deletes (" + e.getMessage() + ")";
      }
      return "error: " + e.getMessage();
    }
  }
}
