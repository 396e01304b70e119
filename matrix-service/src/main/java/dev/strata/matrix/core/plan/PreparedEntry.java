package dev.strata.matrix.core.plan;

import dev.strata.domain.matrix.api.MatrixEntry;
import dev.strata.domain.matrix.api.Scalar;
import dev.strata.matrix.core.profile.EntryPredicate;
import dev.strata.matrix.core.profile.OsRules;
import dev.strata.matrix.core.profile.Selector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A matrix entry with what the filter derives from it under one profile, computed once. */
final class PreparedEntry {
  final MatrixEntry entry;

  /** Source prefix from path inference, or null: never selected in filtered mode. */
  final String prefix;

  final String backend;

  /** The dockerfile with a leading {@code ./} stripped (the Dockerfile rule compares this). */
  final String dockerfilePath;

  final boolean multiArch;

  /** Fork watch prefixes that also mark this entry changed. */
  final List<String> forkWatch;

  final String json;
  final String identityKey;
  private final Set<String> classes;
  private String fingerprint;

  PreparedEntry(MatrixEntry entry, OsRules rules) {
    this.entry = entry;
    this.backend = entry.string("backend");
    this.prefix = PathInference.prefix(entry, rules);
    String dockerfile = entry.string("dockerfile");
    this.dockerfilePath = dockerfile.startsWith("./") ? dockerfile.substring(2) : dockerfile;
    this.multiArch = entry.has("platform-tag");
    List<String> watch = new ArrayList<>();
    rules.forks().stream()
        .filter(f -> f.backends().contains(backend))
        .forEach(f -> watch.addAll(f.watch()));
    this.forkWatch = List.copyOf(watch);
    this.json = entry.toJson();
    this.identityKey =
        "["
            + Scalar.jsonString(entry.string("tag-suffix"))
            + ","
            + Scalar.jsonString(entry.string("platform-tag"))
            + "]";
    Set<String> in = new HashSet<>();
    for (Map.Entry<String, EntryPredicate> c : rules.classes().entrySet()) {
      if (c.getValue().test(entry, rules.bespokeBuilders())) {
        in.add(c.getKey());
      }
    }
    this.classes = Set.copyOf(in);
  }

  /** The order-independent fingerprint of DOMAIN.md 3.7. */
  String fingerprint() {
    String f = fingerprint;
    if (f == null) {
      f = entry.fingerprint();
      fingerprint = f;
    }
    return f;
  }

  /** Whether a shared-input selector picks this entry. */
  boolean selectedBy(Selector selector) {
    if (selector instanceof Selector.All) {
      return true;
    }
    if (selector instanceof Selector.OfClass c) {
      return classes.contains(c.name());
    }
    if (selector instanceof Selector.OfBackend b) {
      return backend.equals(b.backend());
    }
    return false;
  }

  /** The tag-suffix value as written (typed), for merge grouping. */
  Scalar tagSuffix() {
    Scalar s = entry.fields().get("tag-suffix");
    return s == null ? Scalar.nullValue() : s;
  }

  /** {@code tag-latest || ''}. */
  Scalar tagLatestOrEmpty() {
    Scalar s = entry.fields().get("tag-latest");
    return s == null || !s.truthy() ? Scalar.string("") : s;
  }
}
