package dev.strata.domain.audit.model;

import dev.strata.domain.audit.api.Evidence;
import dev.strata.domain.audit.api.Invariant;
import dev.strata.domain.matrix.api.Scalar;
import dev.strata.domain.run.api.MatrixFiltered;
import dev.strata.domain.run.api.PlannedLeg;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Invariant 3 (DOMAIN.md 10.2): no two legs share a cache namespace. Checked on every plan (the
 * pairs {@code (tag-suffix, platform-tag)} are unique, platform-tags are absent, amd64 or arm64,
 * and no suffix mixes legs with and without one; Darwin suffixes and backends are unique) and on
 * every cache use (a registry cache ref belongs to one leg only).
 */
final class NamespaceCheck {

  private final Findings findings;
  // cache ref -> the first leg that used it, with the event that showed it
  private final Map<String, Evidence> owners = new HashMap<>();

  NamespaceCheck(Findings findings) {
    this.findings = findings;
  }

  void onPlan(long index, MatrixFiltered e) {
    String run = e.runId().value();
    Evidence ev = new Evidence(index, "MatrixFiltered", run, null, e.at());
    Map<String, List<String>> linux = new TreeMap<>();
    Map<String, List<String>> darwinSuffixes = new TreeMap<>();
    Map<String, List<String>> darwinBackends = new TreeMap<>();
    Map<String, boolean[]> platformTagPresence = new TreeMap<>();
    for (PlannedLeg leg : e.legs()) {
      if (!leg.fields().containsKey("tag-suffix")) {
        continue; // not a matrix entry (e.g. a base image leg): named by its own fields
      }
      String sfx = field(leg, "tag-suffix", "");
      String id = leg.legId().value();
      if (leg.darwin()) {
        darwinSuffixes.computeIfAbsent(sfx, k -> new ArrayList<>()).add(id);
        darwinBackends.computeIfAbsent(field(leg, "backend", ""), k -> new ArrayList<>()).add(id);
        continue;
      }
      String pt = field(leg, "platform-tag", "");
      linux.computeIfAbsent(sfx + "\u0000" + pt, k -> new ArrayList<>()).add(id);
      boolean[] presence = platformTagPresence.computeIfAbsent(sfx, k -> new boolean[2]);
      presence[pt.isEmpty() ? 0 : 1] = true;
      if (!pt.isEmpty() && !pt.equals("amd64") && !pt.equals("arm64")) {
        add(
            "invalid-platform-tag",
            run + " " + e.pipeline() + " " + id,
            e.at(),
            run,
            "Plan of pipeline "
                + e.pipeline()
                + " in run "
                + run
                + " gives leg "
                + id
                + " platform-tag '"
                + pt
                + "': expected absent, amd64 or arm64",
            ev);
      }
    }
    linux.forEach(
        (key, legs) -> {
          if (legs.size() > 1) {
            String[] parts = key.split("\u0000", -1);
            add(
                "duplicate-namespace",
                run + " " + e.pipeline() + " " + parts[0] + " " + parts[1],
                e.at(),
                run,
                "Plan of pipeline "
                    + e.pipeline()
                    + " in run "
                    + run
                    + " has legs "
                    + legs
                    + " with the same (tag-suffix, platform-tag) ('"
                    + parts[0]
                    + "', '"
                    + parts[1]
                    + "'): they share a cache ref, artifact and keepalive tag",
                ev);
          }
        });
    platformTagPresence.forEach(
        (sfx, presence) -> {
          if (presence[0] && presence[1]) {
            add(
                "mixed-platform-tag",
                run + " " + e.pipeline() + " " + sfx,
                e.at(),
                run,
                "Tag-suffix '"
                    + sfx
                    + "' in run "
                    + run
                    + " mixes legs with and without a platform-tag",
                ev);
          }
        });
    darwinDuplicates(darwinSuffixes, "tag-suffix", run, e, ev);
    darwinDuplicates(darwinBackends, "backend", run, e, ev);
  }

  /** A leg used registry cache ref {@code ref} (read or write). */
  void onCacheUse(String ref, Evidence use) {
    Evidence owner = owners.putIfAbsent(ref, use);
    if (owner == null || owner.leg().equals(use.leg())) {
      return;
    }
    add(
        "shared-cache-ref",
        ref + " " + owner.leg() + " " + use.leg(),
        use.at(),
        use.run(),
        "Cache ref "
            + ref
            + " is used by leg "
            + use.leg()
            + " (run "
            + use.run()
            + ") and already by leg "
            + owner.leg()
            + " (run "
            + owner.run()
            + "): two legs share one cache namespace",
        owner,
        use);
  }

  private void darwinDuplicates(
      Map<String, List<String>> byKey, String what, String run, MatrixFiltered e, Evidence ev) {
    byKey.forEach(
        (key, legs) -> {
          if (legs.size() > 1) {
            add(
                "duplicate-darwin-" + what,
                run + " " + e.pipeline() + " " + key,
                e.at(),
                run,
                "Plan of pipeline "
                    + e.pipeline()
                    + " in run "
                    + run
                    + " has Darwin legs "
                    + legs
                    + " with the same "
                    + what
                    + " '"
                    + key
                    + "'",
                ev);
          }
        });
  }

  private void add(
      String rule, String subject, Instant at, String run, String message, Evidence... evidence) {
    findings.add(Invariant.SHARED_NAMESPACE, rule, subject, at, run, null, () -> message, evidence);
  }

  private static String field(PlannedLeg leg, String name, String fallback) {
    Scalar value = leg.fields().get(name);
    return value == null ? fallback : value.asString();
  }
}
