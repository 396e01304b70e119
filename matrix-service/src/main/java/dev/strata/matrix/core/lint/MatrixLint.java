package dev.strata.matrix.core.lint;

import dev.strata.domain.matrix.api.Matrix;
import dev.strata.domain.matrix.api.MatrixEntry;
import dev.strata.domain.matrix.api.Scalar;
import dev.strata.matrix.core.plan.PathInference;
import dev.strata.matrix.core.profile.LintRules;
import dev.strata.matrix.core.profile.Profile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a matrix against the invariants the filter and the pipeline rely on (DOMAIN.md 10):
 * entries no rule can select, duplicate identities, tag-latest values, legs that mix multi- and
 * single-arch, multi-target Dockerfiles without a builder base, and output matrices at or above the
 * job limit. One finding per problem, in file order.
 */
public final class MatrixLint {
  private MatrixLint() {}

  /** The findings for {@code matrix}; empty when it is clean. */
  public static List<String> check(Matrix matrix, Profile profile) {
    List<String> findings = new ArrayList<>();
    LintRules rules = profile.lint();
    Map<String, Integer> keys = new HashMap<>();
    Map<String, MatrixEntry> firstLeg = new LinkedHashMap<>();
    int multi = 0;
    int single = 0;
    for (int i = 0; i < matrix.include().size(); i++) {
      MatrixEntry e = matrix.include().get(i);
      String where = where("include", i, e);
      if (PathInference.prefix(e, profile.linux()) == null) {
        findings.add(
            where
                + ": no path rule maps it, so filtered runs never build it; add a rule under linux.paths");
      }
      String key = e.string("tag-suffix") + "|" + e.string("platform-tag");
      Integer seen = keys.putIfAbsent(key, i);
      if (seen != null) {
        findings.add(where + ": duplicate (tag-suffix, platform-tag) of include[" + seen + "]");
      }
      boolean isMulti = e.has("platform-tag");
      if (isMulti) {
        multi++;
        if (!rules.platformTags().isEmpty()
            && !rules.platformTags().contains(e.string("platform-tag"))) {
          findings.add(
              where
                  + ": platform-tag '"
                  + e.string("platform-tag")
                  + "' is not one of "
                  + rules.platformTags());
        }
      } else {
        single++;
      }
      String tagLatest = e.string("tag-latest");
      if (!rules.tagLatest().isEmpty() && !rules.tagLatest().contains(tagLatest)) {
        findings.add(where + ": tag-latest '" + tagLatest + "' is not one of " + rules.tagLatest());
      }
      if (!e.string("tag-suffix").isEmpty()) {
        MatrixEntry first = firstLeg.putIfAbsent(e.string("tag-suffix"), e);
        if (first != null) {
          if (first.has("platform-tag") != isMulti) {
            findings.add(where + ": its tag-suffix mixes legs with and without platform-tag");
          }
          if (!first.string("tag-latest").equals(tagLatest)) {
            findings.add(
                where
                    + ": tag-latest '"
                    + tagLatest
                    + "' differs from the group's first leg ('"
                    + first.string("tag-latest")
                    + "')");
          }
        }
      }
      for (String kind : rules.builderBaseImageFor()) {
        if (e.string("dockerfile").endsWith("Dockerfile." + kind) && !e.has("builder-base-image")) {
          findings.add(
              where
                  + ": built from multi-target Dockerfile."
                  + kind
                  + " but has no builder-base-image");
        }
      }
    }
    darwin(matrix, profile, findings);
    limits(profile, multi, single, matrix.includeDarwin().size(), findings);
    return findings;
  }

  private static void darwin(Matrix matrix, Profile profile, List<String> findings) {
    Map<String, Integer> backends = new HashMap<>();
    Map<String, Integer> suffixes = new HashMap<>();
    for (int i = 0; i < matrix.includeDarwin().size(); i++) {
      MatrixEntry e = matrix.includeDarwin().get(i);
      String where = where("includeDarwin", i, e);
      if (PathInference.prefix(e, profile.darwin()) == null) {
        findings.add(
            where
                + ": no path rule maps it, so filtered runs never build it; add a rule under darwin.paths");
      }
      Integer seen = backends.putIfAbsent(e.string("backend"), i);
      if (seen != null) {
        findings.add(
            where
                + ": duplicate backend of includeDarwin["
                + seen
                + "] (the build artifact is named <backend>-tar)");
      }
      seen = suffixes.putIfAbsent(e.string("tag-suffix"), i);
      if (seen != null) {
        findings.add(where + ": duplicate tag-suffix of includeDarwin[" + seen + "]");
      }
      if (profile.lint().darwinTagSuffix() != null) {
        String want = profile.lint().darwinTagSuffix().render(e);
        if (!want.equals(e.string("tag-suffix"))) {
          findings.add(where + ": tag-suffix should be '" + want + "'");
        }
      }
    }
  }

  private static void limits(
      Profile profile, int multi, int single, int darwin, List<String> findings) {
    int limit = profile.limits().jobLimit();
    int shards = profile.limits().singleArchShards();
    int largest = single / shards + (single % shards == 0 ? 0 : 1);
    if (largest >= limit) {
      findings.add(
          "matrix-singlearch: a shard of "
              + largest
              + " entries ("
              + single
              + " single-arch in "
              + shards
              + " shards) is at or above the job limit of "
              + limit
              + "; raise limits.singleArchShards");
    }
    if (multi >= limit) {
      findings.add(
          "matrix-multiarch: " + multi + " entries, at or above the job limit of " + limit);
    }
    if (darwin >= limit) {
      findings.add("matrix-darwin: " + darwin + " entries, at or above the job limit of " + limit);
    }
  }

  private static String where(String list, int index, MatrixEntry e) {
    Scalar pt = e.fields().get("platform-tag");
    return list
        + "["
        + index
        + "] "
        + (e.string("tag-suffix").isEmpty() ? e.string("backend") : e.string("tag-suffix"))
        + (pt == null ? "" : "/" + pt.asString());
  }
}
