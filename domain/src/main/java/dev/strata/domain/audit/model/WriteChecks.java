package dev.strata.domain.audit.model;

import dev.strata.domain.audit.api.Evidence;
import dev.strata.domain.audit.api.Invariant;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.run.api.ArchDigestPushed;
import dev.strata.domain.run.api.CacheWrite;
import dev.strata.domain.run.api.DarwinCacheSaved;
import dev.strata.domain.run.api.LegVerified;
import dev.strata.domain.run.api.ManifestMerged;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Invariants 1 and 2 (DOMAIN.md 10.3-10.5): pull requests never write a cache or publish; every
 * cache-to carries {@code mode=max} and {@code ignore-error=true}; no digest push has provenance.
 */
final class WriteChecks {

  private final Findings findings;
  private final Set<String> prRepositories;

  WriteChecks(Findings findings, Set<String> prRepositories) {
    this.findings = findings;
    this.prRepositories = prRepositories;
  }

  void onDigest(long index, RunBook.Run run, ArchDigestPushed e) {
    String leg = e.legId().value();
    Evidence ev = new Evidence(index, "ArchDigestPushed", run.id, leg, e.at());
    if (run.isPullRequest()) {
      findings.add(
          Invariant.PR_WROTE,
          "pr-publish",
          run.id + " " + leg,
          e.at(),
          run.id,
          leg,
          () ->
              "Pull-request run "
                  + run.id
                  + " pushed "
                  + e.digest()
                  + " of leg "
                  + leg
                  + " by digest to "
                  + e.pushedTo()
                  + "; pull requests only push test tags",
          ev);
    }
    cacheWrites(run, leg, e.cacheWritten(), ev);
    if (e.provenance()) {
      findings.add(
          Invariant.CACHE_EXPORT_OPTIONS,
          "provenance",
          run.id + " " + leg,
          e.at(),
          run.id,
          leg,
          () ->
              "Leg "
                  + leg
                  + " of run "
                  + run.id
                  + " pushed "
                  + e.digest()
                  + " with provenance on: the digest differs per registry (DOMAIN.md 10.5)",
          ev);
    }
  }

  void onVerified(long index, RunBook.Run run, LegVerified e) {
    String leg = e.legId().value();
    Evidence ev = new Evidence(index, "LegVerified", run.id, leg, e.at());
    cacheWrites(run, leg, e.cacheWritten(), ev);
    if (!run.isPullRequest() || prRepositories.isEmpty()) {
      return;
    }
    Set<String> outside = new HashSet<>();
    for (ImageRef tag : e.pushedTags()) {
      if (!prRepositories.contains(tag.repository())) {
        outside.add(tag.repository());
      }
    }
    if (!outside.isEmpty()) {
      findings.add(
          Invariant.PR_WROTE,
          "pr-push-outside-test-repo",
          run.id + " " + leg,
          e.at(),
          run.id,
          leg,
          () ->
              "Pull-request run "
                  + run.id
                  + " pushed leg "
                  + leg
                  + " to "
                  + outside.stream().sorted().toList()
                  + ", outside the test repositories "
                  + prRepositories,
          ev);
    }
  }

  void onDarwinSave(long index, RunBook.Run run, DarwinCacheSaved e) {
    // an ungated save is LocalAI's known setup-go leak: invariant 10 reports it
    if (!run.isPullRequest() || !e.gated()) {
      return;
    }
    String leg = e.legId().value();
    findings.add(
        Invariant.PR_WROTE,
        "pr-darwin-save",
        run.id + " " + leg + " " + e.cache(),
        e.at(),
        run.id,
        leg,
        () ->
            "Pull-request run "
                + run.id
                + " saved Darwin cache "
                + e.cache()
                + " under key "
                + e.key()
                + " for leg "
                + leg
                + " although the save is gated on non-PR events",
        new Evidence(index, "DarwinCacheSaved", run.id, leg, e.at()));
  }

  void onMerge(long index, RunBook.Run run, ManifestMerged e) {
    if (!run.isPullRequest()) {
      return;
    }
    String sfx = e.tagSuffix().value();
    findings.add(
        Invariant.PR_WROTE,
        "pr-merge",
        run.id + " " + sfx,
        e.at(),
        run.id,
        null,
        () ->
            "Pull-request run "
                + run.id
                + " published merge group '"
                + sfx
                + "' ("
                + e.indexes().size()
                + " index(es)); pull requests never merge or tag",
        new Evidence(index, "ManifestMerged", run.id, null, e.at()));
  }

  private void cacheWrites(RunBook.Run run, String leg, List<CacheWrite> writes, Evidence ev) {
    for (CacheWrite write : writes) {
      String ref = write.ref().toString();
      if (run.isPullRequest()) {
        findings.add(
            Invariant.PR_WROTE,
            "pr-cache-to",
            run.id + " " + leg + " " + ref,
            ev.at(),
            run.id,
            leg,
            () ->
                "Pull-request run "
                    + run.id
                    + " exported cache "
                    + ref
                    + " from leg "
                    + leg
                    + "; pull requests only read caches",
            ev);
      }
      Set<String> options = options(write.options());
      // BuildKit's inline cache (the engine driver's export) has no mode: it can only carry the
      // image's own layers, so it is held to ignore-error=true alone
      boolean inline = options.contains("type=inline");
      if ((!inline && !options.contains("mode=max")) || !options.contains("ignore-error=true")) {
        findings.add(
            Invariant.CACHE_EXPORT_OPTIONS,
            "cache-to-options",
            run.id + " " + leg + " " + ref,
            ev.at(),
            run.id,
            leg,
            () ->
                "Leg "
                    + leg
                    + " of run "
                    + run.id
                    + " exported cache "
                    + ref
                    + " with options '"
                    + write.options()
                    + "': expected mode=max (except for type=inline) and ignore-error=true, so"
                    + " an export failure never fails the build",
            ev);
      }
    }
  }

  /** The cache-to options as {@code key=value} tokens, keys and values trimmed. */
  static Set<String> options(String raw) {
    Set<String> out = new HashSet<>();
    for (String token : raw.split(",")) {
      int eq = token.indexOf('=');
      if (eq > 0) {
        out.add(token.substring(0, eq).trim() + "=" + token.substring(eq + 1).trim());
      }
    }
    return out;
  }
}
