package dev.strata.matrix.core.plan;

import dev.strata.domain.matrix.api.Matrix;
import dev.strata.matrix.core.profile.ForkRule;
import dev.strata.matrix.core.profile.Profile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A matrix prepared for filtering under one profile: every entry's prefix, classes, JSON and
 * identity, and the backend path map ({@code getAllBackendPaths}: Linux entries first, then Darwin;
 * the first prefix seen for a backend wins; unmapped entries are skipped).
 */
final class PreparedMatrix {
  final List<PreparedEntry> linux;
  final List<PreparedEntry> darwin;
  final Map<String, String> backendPaths;

  /** Fork watch prefixes per path-map backend, from both OSes' fork rules (by name). */
  final Map<String, List<String>> forkWatch;

  PreparedMatrix(Matrix matrix, Profile profile) {
    List<PreparedEntry> l = new ArrayList<>(matrix.include().size());
    matrix.include().forEach(e -> l.add(new PreparedEntry(e, profile.linux())));
    List<PreparedEntry> d = new ArrayList<>(matrix.includeDarwin().size());
    matrix.includeDarwin().forEach(e -> d.add(new PreparedEntry(e, profile.darwin())));
    this.linux = List.copyOf(l);
    this.darwin = List.copyOf(d);
    Map<String, String> paths = new LinkedHashMap<>();
    for (List<PreparedEntry> list : List.of(linux, darwin)) {
      for (PreparedEntry e : list) {
        if (e.prefix != null) {
          paths.putIfAbsent(e.backend, e.prefix);
        }
      }
    }
    Map<String, List<String>> forks = new LinkedHashMap<>();
    for (String backend : paths.keySet()) {
      List<String> watch = new ArrayList<>();
      for (ForkRule fork : profile.linux().forks()) {
        if (fork.backends().contains(backend)) {
          watch.addAll(fork.watch());
        }
      }
      for (ForkRule fork : profile.darwin().forks()) {
        if (fork.backends().contains(backend)) {
          watch.addAll(fork.watch());
        }
      }
      if (!watch.isEmpty()) {
        forks.put(backend, List.copyOf(watch));
      }
    }
    this.backendPaths = paths;
    this.forkWatch = forks;
  }
}
