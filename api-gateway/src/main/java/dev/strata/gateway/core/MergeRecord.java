package dev.strata.gateway.core;

import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.run.api.ManifestMerged;
import dev.strata.domain.run.api.MergeDeferred;
import dev.strata.domain.run.api.MergeGroup;
import dev.strata.domain.run.api.PublishedIndex;
import java.util.ArrayList;
import java.util.List;

/** The gateway's mutable picture of one merge group; guarded by its run's monitor. */
final class MergeRecord {
  final MergeGroup group;
  String status = "OPEN";
  List<String> tags = List.of();
  List<String> indexDigests = List.of();
  String deferReason;
  List<String> missing = List.of();

  MergeRecord(MergeGroup group) {
    this.group = group;
  }

  void merged(ManifestMerged m) {
    status = "MERGED";
    List<String> allTags = new ArrayList<>();
    List<String> digests = new ArrayList<>();
    for (PublishedIndex index : m.indexes()) {
      for (String tag : index.tags()) {
        allTags.add(index.repository().repository() + ":" + tag);
      }
      digests.add(index.digest().value());
    }
    tags = List.copyOf(allTags);
    indexDigests = List.copyOf(digests);
    deferReason = null;
    missing = List.of();
  }

  void deferred(MergeDeferred d) {
    status = "DEFERRED";
    deferReason = d.reason();
    missing = d.missing().stream().map(LegId::value).toList();
  }

  RunViews.MergeView view() {
    return new RunViews.MergeView(
        group.tagSuffix().value(),
        status,
        group.selectedLegs().stream().map(LegId::value).toList(),
        tags,
        indexDigests,
        deferReason,
        missing);
  }
}
