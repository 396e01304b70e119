package dev.strata.domain.image.model;

import dev.strata.domain.Values;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version as node-semver's strict {@code valid()} accepts it (what metadata-action's
 * {@code type=semver} checks): an optional leading {@code v}, {@code MAJOR.MINOR.PATCH} without
 * leading zeros, an optional {@code -prerelease} and {@code +build}. {@code v.1.24.0} is not one.
 *
 * @param raw the text as given, e.g. {@code v4.9.0} (what the {@code {{raw}}} pattern renders)
 * @param major the major version
 * @param minor the minor version
 * @param patch the patch version
 * @param prerelease the dot-separated prerelease identifiers, empty for a release
 * @param build the dot-separated build identifiers
 */
public record SemVer(
    String raw, long major, long minor, long patch, List<String> prerelease, List<String> build) {
  private static final String NUM = "0|[1-9]\\d*";
  private static final String PRE_ID = "(?:" + NUM + "|\\d*[a-zA-Z-][a-zA-Z0-9-]*)";
  private static final String BUILD_ID = "[a-zA-Z0-9-]+";
  private static final Pattern STRICT =
      Pattern.compile(
          "v?(" + NUM + ")\\.(" + NUM + ")\\.(" + NUM + ")" + "(?:-(" + PRE_ID + "(?:\\." + PRE_ID
              + ")*))?" + "(?:\\+(" + BUILD_ID + "(?:\\." + BUILD_ID + ")*))?");
  private static final int MAX_LENGTH = 256;
  private static final long MAX_SAFE_INTEGER = 9007199254740991L;

  public SemVer {
    Values.required(raw, "version");
    prerelease = List.copyOf(Values.required(prerelease, "prerelease"));
    build = List.copyOf(Values.required(build, "build"));
  }

  /** The version when {@code raw} is valid strict semver, else empty (never throws on text). */
  public static Optional<SemVer> parse(String raw) {
    if (raw == null || raw.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    Matcher m = STRICT.matcher(raw.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    Long major = safe(m.group(1));
    Long minor = safe(m.group(2));
    Long patch = safe(m.group(3));
    if (major == null || minor == null || patch == null) {
      return Optional.empty();
    }
    return Optional.of(new SemVer(raw, major, minor, patch, split(m.group(4)), split(m.group(5))));
  }

  public boolean isPrerelease() {
    return !prerelease.isEmpty();
  }

  /** node-semver's {@code version}: {@code MAJOR.MINOR.PATCH[-prerelease]}, no {@code v}. */
  public String version() {
    String v = major + "." + minor + "." + patch;
    return prerelease.isEmpty() ? v : v + "-" + String.join(".", prerelease);
  }

  private static Long safe(String digits) {
    if (digits.length() > 16) {
      return null;
    }
    long v = Long.parseLong(digits);
    return v > MAX_SAFE_INTEGER ? null : v;
  }

  private static List<String> split(String group) {
    return group == null ? List.of() : List.of(group.split("\\."));
  }
}
