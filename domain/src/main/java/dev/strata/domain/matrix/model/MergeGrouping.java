package dev.strata.domain.matrix.model;

import dev.strata.domain.Values;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.matrix.api.LinuxEntry;
import dev.strata.domain.matrix.api.Scalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The merge matrix of a list of Linux entries (DOMAIN.md 3.10): entries are grouped by {@code
 * tag-suffix} in order of first appearance; entries whose suffix is empty or absent are skipped
 * (built, never tagged); every group, singletons included, yields one {@code {"tag-suffix",
 * "tag-latest"}} row carrying the first leg's {@code tag-latest} ({@code ""} when absent). When the
 * legs disagree on {@code tag-latest} the result carries a warning value; the first leg still wins.
 *
 * <p>Values keep their YAML type, so the emitted JSON matches LocalAI's byte for byte.
 */
public final class MergeGrouping {
  private static final Scalar EMPTY = Scalar.string("");

  private MergeGrouping() {}

  /**
   * One merge job.
   *
   * @param tagSuffix the group's {@code tag-suffix}, as written
   * @param tagLatest the first leg's {@code tag-latest}, or {@code ""}
   */
  public record MergeGroup(Scalar tagSuffix, Scalar tagLatest) {
    public MergeGroup {
      Values.required(tagSuffix, "tag-suffix");
      Values.required(tagLatest, "tag-latest");
    }

    /** The suffix as a validated {@link TagSuffix}. */
    public TagSuffix suffix() {
      return TagSuffix.of(tagSuffix.asString());
    }

    /** {@code {"tag-suffix":<sfx>,"tag-latest":<value>}}. */
    public String toJson() {
      return "{\"tag-suffix\":"
          + tagSuffix.toJson()
          + ",\"tag-latest\":"
          + tagLatest.toJson()
          + "}";
    }
  }

  /**
   * Legs of one group that disagree on {@code tag-latest}.
   *
   * @param tagSuffix the group
   * @param used the value the merge uses (the first leg's)
   * @param values every leg's value, in entry order
   */
  public record TagLatestMismatch(Scalar tagSuffix, Scalar used, List<Scalar> values) {
    public TagLatestMismatch {
      values = List.copyOf(values);
    }

    /** A one-line description for logs and the audit. */
    public String message() {
      return "tag-latest mismatch in group "
          + tagSuffix.asString()
          + ": legs disagree ("
          + values.stream().map(Scalar::toJson).collect(Collectors.joining(", "))
          + "), using "
          + used.toJson();
    }
  }

  /**
   * The merge matrix and its warnings.
   *
   * @param groups one row per group, in order of first appearance
   * @param warnings one per group whose legs disagree on {@code tag-latest}
   */
  public record Result(List<MergeGroup> groups, List<TagLatestMismatch> warnings) {
    public Result {
      groups = List.copyOf(groups);
      warnings = List.copyOf(warnings);
    }

    /** The {@code merge-matrix-*} output: {@code {"include":[...]}}. */
    public String toJson() {
      return groups.stream()
          .map(MergeGroup::toJson)
          .collect(Collectors.joining(",", "{\"include\":[", "]}"));
    }
  }

  /** Groups {@code entries} into merge jobs. */
  public static Result group(List<LinuxEntry> entries) {
    Values.required(entries, "entries");
    Map<Scalar, List<LinuxEntry>> groups = new LinkedHashMap<>();
    for (LinuxEntry e : entries) {
      Scalar sfx = e.fields().get("tag-suffix");
      if (sfx == null || !sfx.truthy()) {
        continue;
      }
      groups.computeIfAbsent(sfx, k -> new ArrayList<>()).add(e);
    }
    List<MergeGroup> rows = new ArrayList<>();
    List<TagLatestMismatch> warnings = new ArrayList<>();
    for (Map.Entry<Scalar, List<LinuxEntry>> g : groups.entrySet()) {
      List<Scalar> values = g.getValue().stream().map(MergeGrouping::tagLatest).toList();
      Scalar first = values.get(0);
      if (values.stream().anyMatch(v -> !v.equals(first))) {
        warnings.add(new TagLatestMismatch(g.getKey(), first, values));
      }
      rows.add(new MergeGroup(g.getKey(), first));
    }
    return new Result(rows, warnings);
  }

  /** {@code entry['tag-latest'] || ''}. */
  private static Scalar tagLatest(LinuxEntry entry) {
    Scalar v = entry.fields().get("tag-latest");
    return v != null && v.truthy() ? v : EMPTY;
  }
}
