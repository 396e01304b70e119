package dev.strata.domain.leg.model;

import dev.strata.domain.Values;
import dev.strata.domain.trigger.api.Trigger;
import java.time.Instant;
import java.util.List;

/**
 * The OCI labels docker/metadata-action puts on a leg's image (DOMAIN.md 4.4 "labels come from the
 * meta step"), in the action's order: {@code created}, {@code revision}, {@code source}, {@code
 * title}, {@code url}, {@code version}. The two labels the action reads from the hosting API
 * ({@code description}, {@code licenses}) are not produced.
 *
 * <p>Where Strata differs: {@code created} is a parameter; the agent passes the commit time rather
 * than the wall clock, so rebuilding a commit yields the same image config and digest.
 */
public final class ImageLabels {
  private static final String PREFIX = "org.opencontainers.image.";

  private ImageLabels() {}

  /**
   * The labels of a leg's image.
   *
   * @param version the main version metadata-action computed for the leg's images ("" when no rule
   *     produced one)
   * @param trigger the run's trigger (its commit is {@code revision})
   * @param sourceUrl the repository's web address, e.g. {@code https://github.com/mudler/LocalAI}
   * @param created the image creation time
   */
  public static List<ImageLabel> of(
      String version, Trigger trigger, String sourceUrl, Instant created) {
    Values.required(version, "version");
    Values.required(trigger, "trigger");
    Values.required(sourceUrl, "source URL");
    Values.required(created, "creation time");
    return List.of(
        new ImageLabel(PREFIX + "created", created.toString()),
        new ImageLabel(PREFIX + "revision", trigger.sha() == null ? "" : trigger.sha().value()),
        new ImageLabel(PREFIX + "source", sourceUrl),
        new ImageLabel(PREFIX + "title", trigger.repository().name()),
        new ImageLabel(PREFIX + "url", sourceUrl),
        new ImageLabel(PREFIX + "version", version));
  }
}
