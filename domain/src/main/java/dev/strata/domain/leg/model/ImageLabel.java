package dev.strata.domain.leg.model;

import dev.strata.domain.Values;

/**
 * One image label, passed as {@code --label name=value}.
 *
 * @param name the label key, e.g. {@code org.opencontainers.image.revision}
 * @param value the value, possibly empty
 */
public record ImageLabel(String name, String value) {
  public ImageLabel {
    Values.required(name, "label name");
    if (name.isEmpty() || name.contains("=")) {
      throw new IllegalArgumentException(
          "Invalid label name "
              + Values.quote(name)
              + ": expected a non-empty key without '=', e.g. \"org.opencontainers.image.title\"");
    }
    Values.required(value, "value of label " + name);
  }

  @Override
  public String toString() {
    return name + "=" + value;
  }
}
