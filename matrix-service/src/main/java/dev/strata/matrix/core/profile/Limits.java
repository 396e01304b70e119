package dev.strata.matrix.core.profile;

/**
 * Numeric limits of a pipeline.
 *
 * @param singleArchShards single-arch entries are split into this many contiguous shards
 * @param jobLimit a shard with this many entries or more fails the plan (GitHub's matrix limit)
 * @param compareCap a push file list of this size or more, from a source that truncates, is treated
 *     as truncated (run-all)
 */
public record Limits(int singleArchShards, int jobLimit, int compareCap) {
  public Limits {
    if (singleArchShards < 1 || jobLimit < 1 || compareCap < 1) {
      throw new IllegalArgumentException(
          "Invalid limits "
              + singleArchShards
              + "/"
              + jobLimit
              + "/"
              + compareCap
              + ": singleArchShards, jobLimit and compareCap must be at least 1");
    }
  }
}
