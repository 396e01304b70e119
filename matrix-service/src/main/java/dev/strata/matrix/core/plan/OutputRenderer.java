package dev.strata.matrix.core.plan;

import dev.strata.matrix.core.profile.Limits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders the GitHub outputs of DOMAIN.md 3.9, in emission order: run-all, the multi-arch and
 * Darwin matrices, the single-arch shards with their merge matrices, then one boolean per backend
 * of the path map. Matrices are compact JSON with every entry field as written.
 */
final class OutputRenderer {

  /** A single-arch shard reached the job limit. */
  static final class ShardLimitException extends Exception {
    ShardLimitException(String message) {
      super(message);
    }
  }

  private OutputRenderer() {}

  /**
   * @param changedBackends backends whose boolean is true, or null for "all" (full mode)
   */
  static List<Output> render(
      PreparedMatrix matrix,
      List<PreparedEntry> linux,
      List<PreparedEntry> darwin,
      boolean runAll,
      Set<String> changedBackends,
      Limits limits)
      throws ShardLimitException {
    List<PreparedEntry> multi = new ArrayList<>();
    List<PreparedEntry> single = new ArrayList<>();
    for (PreparedEntry e : linux) {
      (e.multiArch ? multi : single).add(e);
    }
    List<List<PreparedEntry>> shards = shard(single, limits);
    List<Output> out = new ArrayList<>(7 + 4 * shards.size() + matrix.backendPaths.size());
    List<String> multiMerges = MergeMatrix.rows(multi);
    out.add(bool("run-all", runAll));
    out.add(bool("has-backends-multiarch", !multi.isEmpty()));
    out.add(bool("has-backends-darwin", runAll || !darwin.isEmpty()));
    out.add(bool("has-merges-multiarch", !multiMerges.isEmpty()));
    out.add(new Output("matrix-multiarch", include(entriesJson(multi))));
    out.add(new Output("matrix-darwin", include(entriesJson(darwin))));
    out.add(new Output("merge-matrix-multiarch", include(multiMerges)));
    for (int n = 1; n <= shards.size(); n++) {
      List<PreparedEntry> shard = shards.get(n - 1);
      List<String> merges = MergeMatrix.rows(shard);
      out.add(bool("has-backends-singlearch-" + n, !shard.isEmpty()));
      out.add(bool("has-merges-singlearch-" + n, !merges.isEmpty()));
      out.add(new Output("matrix-singlearch-" + n, include(entriesJson(shard))));
      out.add(new Output("merge-matrix-singlearch-" + n, include(merges)));
    }
    for (Map.Entry<String, String> backend : matrix.backendPaths.entrySet()) {
      String name = backend.getKey();
      out.add(bool(name, changedBackends == null || changedBackends.contains(name)));
    }
    return out;
  }

  /**
   * Splits {@code single} into the profile's number of contiguous chunks: {@code floor(n/k)} each,
   * the first {@code n mod k} one larger; trailing chunks may be empty.
   */
  static List<List<PreparedEntry>> shard(List<PreparedEntry> single, Limits limits)
      throws ShardLimitException {
    int k = limits.singleArchShards();
    int base = single.size() / k;
    int extra = single.size() % k;
    List<List<PreparedEntry>> shards = new ArrayList<>(k);
    int from = 0;
    for (int i = 0; i < k; i++) {
      int size = base + (i < extra ? 1 : 0);
      if (size >= limits.jobLimit()) {
        throw new ShardLimitException(
            "Tried to shard the single-arch matrix but failed because: matrix-singlearch-"
                + (i + 1)
                + " has "
                + size
                + " entries, at or above the job limit of "
                + limits.jobLimit()
                + " ("
                + single.size()
                + " single-arch entries in "
                + k
                + " shards); raise limits.singleArchShards in the profile and add the job blocks");
      }
      shards.add(single.subList(from, from + size));
      from += size;
    }
    return shards;
  }

  private static List<String> entriesJson(List<PreparedEntry> entries) {
    List<String> json = new ArrayList<>(entries.size());
    entries.forEach(e -> json.add(e.json));
    return json;
  }

  private static String include(List<String> items) {
    int size = 14;
    for (String s : items) {
      size += s.length() + 1;
    }
    StringBuilder sb = new StringBuilder(size).append("{\"include\":[");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(items.get(i));
    }
    return sb.append("]}").toString();
  }

  private static Output bool(String key, boolean value) {
    return new Output(key, value ? "true" : "false");
  }
}
