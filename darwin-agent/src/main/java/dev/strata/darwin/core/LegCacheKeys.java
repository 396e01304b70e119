package dev.strata.darwin.core;

import dev.strata.domain.darwin.model.CacheKey;
import dev.strata.domain.darwin.model.DarwinCacheKeys;
import dev.strata.domain.darwin.model.DarwinCachePolicy;
import dev.strata.domain.darwin.model.DarwinCachePolicy.Cache;
import dev.strata.domain.darwin.model.LlamaVersion;
import dev.strata.domain.matrix.api.DarwinEntry;
import dev.strata.domain.trigger.api.RunId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys of the caches a leg restores (DOMAIN.md 8.2), computed with the domain's {@link
 * DarwinCacheKeys} from the files of the checkout: {@code go.sum}, the build-definition file, the
 * backend's {@code requirements*.txt} and the ccache backend's Makefile.
 */
public final class LegCacheKeys {
  private static final Pattern GO_VERSION = Pattern.compile("\\bgo(\\d+(?:\\.\\d+)*\\S*)\\s");

  private LegCacheKeys() {}

  /**
   * The key of each cache {@code entry}'s job restores.
   *
   * @param goVersion the installed Go version ({@link #parseGoVersion})
   * @param jobStart when the job started (the wheel key's week)
   */
  public static Map<Cache, CacheKey> compute(
      DarwinProfile profile,
      Machine machine,
      DarwinEntry entry,
      RunId run,
      Path workspace,
      String goVersion,
      Instant jobStart)
      throws IOException {
    DarwinCachePolicy policy = profile.cachePolicy();
    Map<Cache, CacheKey> keys = new EnumMap<>(Cache.class);
    for (Cache cache : Cache.values()) {
      if (!policy.restores(cache, entry)) {
        continue;
      }
      keys.put(
          cache,
          switch (cache) {
            case GO ->
                DarwinCacheKeys.goModules(
                    machine.runnerOs(),
                    machine.nodeArch(),
                    machine.extraEnv().get("ImageOS"),
                    goVersion,
                    HashFiles.of(workspace, profile.goSum()));
            case HOMEBREW ->
                DarwinCacheKeys.homebrew(
                    machine.runnerOs(),
                    machine.runnerArch(),
                    HashFiles.of(workspace, profile.workflowFile()));
            case CCACHE ->
                DarwinCacheKeys.ccache(
                    profile.ccacheName(),
                    machine.runnerArch(),
                    LlamaVersion.fromMakefile(
                        Files.readString(workspace.resolve(profile.ccacheVersionMakefile()))),
                    run);
            case WHEELS ->
                DarwinCacheKeys.wheels(
                    entry.backend(),
                    profile.weekStyle().keyOf(jobStart),
                    HashFiles.ofGlob(
                        workspace,
                        profile.requirementsDir().replace("{backend}", entry.backend()),
                        "requirements*.txt"));
          });
    }
    return keys;
  }

  /** The version in {@code go version}'s answer: {@code go version go1.25.3 darwin/arm64}. */
  public static String parseGoVersion(String output) {
    Matcher m = GO_VERSION.matcher(output + " ");
    if (!output.startsWith("go version") || !m.find()) {
      throw new IllegalArgumentException(
          "Tried to read the Go version but failed because: 'go version' printed \""
              + output
              + "\"; expected e.g. \"go version go1.25.3 darwin/arm64\"");
    }
    return m.group(1);
  }
}
