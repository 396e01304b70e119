package dev.strata.builder.core;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the key a builder really uses for a Dockerfile's cache mount. The mount id of a leg ({@code
 * llama-cpp-ccache-amd64-cublas}, DOMAIN.md 7) is the Dockerfile's {@code id=} option with its
 * variables expanded; newer Dockerfile frontends (buildx) expand them, but the frontend built into
 * dockerd 20.10 does not: there the mount's key is the literal text {@code
 * llama-cpp-ccache-${TARGETARCH}-${BUILD_TYPE}} (its progress output shows the expanded form all
 * the same). Restoring into and saving from "the builder's mount" must use that key.
 */
public final class CacheMountIds {
  private static final Pattern CACHE_MOUNT = Pattern.compile("--mount=(\\S+)");
  private static final Pattern ID = Pattern.compile("(?:^|,)id=([^,]+)");
  private static final Pattern VAR =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)");

  private CacheMountIds() {}

  /**
   * The builder's key for the mount whose expanded id is {@code mountId}.
   *
   * @param dockerfile the Dockerfile's text
   * @param vars the build-args and platform args ({@code TARGETARCH}) the id may reference
   * @param expands whether the builder expands variables in mount options
   * @return the raw {@code id=} text of the first cache mount that expands to {@code mountId} when
   *     the builder does not expand, else {@code mountId}
   */
  public static String builderKey(
      String dockerfile, String mountId, Map<String, String> vars, boolean expands) {
    if (expands) {
      return mountId;
    }
    for (String raw : rawCacheIds(dockerfile)) {
      if (expand(raw, vars).equals(mountId)) {
        return raw;
      }
    }
    return mountId;
  }

  /** The {@code id=} values of the cache mounts in {@code dockerfile}, as written, in order. */
  static Set<String> rawCacheIds(String dockerfile) {
    Set<String> ids = new LinkedHashSet<>();
    Matcher m = CACHE_MOUNT.matcher(dockerfile);
    while (m.find()) {
      String opts = m.group(1);
      if (!opts.contains("type=cache")) {
        continue;
      }
      Matcher id = ID.matcher(opts);
      if (id.find()) {
        ids.add(id.group(1));
      }
    }
    return ids;
  }

  /** Expands {@code ${NAME}} and {@code $NAME}; unknown names expand to "". */
  static String expand(String raw, Map<String, String> vars) {
    Matcher m = VAR.matcher(raw);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2);
      m.appendReplacement(sb, Matcher.quoteReplacement(vars.getOrDefault(name, "")));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
