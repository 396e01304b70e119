package dev.strata.audit.core.seed;

import dev.strata.domain.image.api.LegKey;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.matrix.api.Scalar;
import dev.strata.domain.run.api.PlannedLeg;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One matrix entry the seeder builds: a Linux entry with its fields as written, or a Darwin entry.
 *
 * @param fields the entry's fields in file order (all strings, as LocalAI writes them)
 * @param darwin whether it comes from {@code includeDarwin}
 */
public record SeedEntry(Map<String, String> fields, boolean darwin) {
  public SeedEntry {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  public String get(String field) {
    return fields.getOrDefault(field, "");
  }

  public String backend() {
    return get("backend");
  }

  public String tagSuffix() {
    return get("tag-suffix");
  }

  public String platformTag() {
    return darwin ? "" : get("platform-tag");
  }

  public String dockerfile() {
    return get("dockerfile");
  }

  public String builderBase() {
    return get("builder-base-image");
  }

  public boolean isPython() {
    return !darwin && dockerfile().endsWith("Dockerfile.python");
  }

  public LegId legId() {
    return darwin ? LegId.darwin(backend()) : LegId.linux(LegKey.of(tagSuffix(), platformTag()));
  }

  public RunnerClass runner() {
    return darwin ? RunnerClass.MACOS_LATEST : RunnerClass.of(get("runs-on"));
  }

  /** The platform of its image, e.g. {@code linux/arm64}. */
  public String platform() {
    if (darwin) {
      return "darwin/arm64";
    }
    String platforms = get("platforms");
    return platforms.isEmpty() ? "linux/amd64" : platforms;
  }

  /** The entry as the matrix-service would plan it. */
  public PlannedLeg planned() {
    Map<String, Scalar> scalars = new LinkedHashMap<>();
    fields.forEach((k, v) -> scalars.put(k, Scalar.string(v)));
    return new PlannedLeg(legId(), runner(), TagSuffix.of(tagSuffix()), darwin, scalars);
  }
}
