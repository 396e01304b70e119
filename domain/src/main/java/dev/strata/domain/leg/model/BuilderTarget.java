package dev.strata.domain.leg.model;

import dev.strata.domain.Values;

/**
 * The {@code BUILDER_TARGET} stage of the multi-target C++ Dockerfiles (DOMAIN.md 4.3, 6.2): the
 * prebuilt builder base when the entry names one, else the from-source stage.
 */
public enum BuilderTarget {
  /** {@code builder-prebuilt}: {@code FROM ${BUILDER_BASE_IMAGE}}. */
  PREBUILT("builder-prebuilt"),
  /** {@code builder-fromsource}: installs the base dependencies itself. */
  FROM_SOURCE("builder-fromsource");

  private final String stage;

  BuilderTarget(String stage) {
    this.stage = stage;
  }

  /** The stage name passed as the build-arg value. */
  public String stage() {
    return stage;
  }

  /** {@link #PREBUILT} iff {@code builderBaseImage} is non-empty. */
  public static BuilderTarget of(String builderBaseImage) {
    return Values.required(builderBaseImage, "builder-base-image").isEmpty()
        ? FROM_SOURCE
        : PREBUILT;
  }

  @Override
  public String toString() {
    return stage;
  }
}
