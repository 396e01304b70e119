package dev.strata.merge.core;

import dev.strata.domain.Values;

/** An image's platform as an index entry states it: os, architecture and optional variant. */
public record Platform(String os, String architecture, String variant) {
  public Platform {
    Values.required(os, "platform os");
    Values.required(architecture, "platform architecture");
    variant = variant == null || variant.isEmpty() ? null : variant;
  }

  /** {@code os/architecture[/variant]}, as {@code PublishedIndex.platforms} records it. */
  @Override
  public String toString() {
    return os + "/" + architecture + (variant == null ? "" : "/" + variant);
  }
}
