package dev.strata.merge.core;

import dev.strata.domain.Values;
import dev.strata.domain.image.api.Digest;

/** One entry of an image index: a manifest descriptor with its platform. */
public record IndexEntry(String mediaType, Digest digest, long size, Platform platform) {
  public IndexEntry {
    Values.required(mediaType, "entry media type");
    Values.required(digest, "entry digest");
    Values.required(platform, "entry platform");
  }
}
