package dev.strata.darwin.core;

import dev.strata.domain.cache.model.WeekKeyStyle;
import dev.strata.domain.darwin.model.DarwinCachePolicy;
import dev.strata.domain.darwin.model.DarwinCachePolicy.Cache;
import dev.strata.domain.image.api.ImageRef;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a repository's profile says about its Darwin builds (DOMAIN.md 8): which backends have a
 * bespoke builder and its commands, the generic build target, the Homebrew lists, the files the
 * cache keys hash, the ccache backend, the save gating and the week style, and where images are
 * published. Data, not code: no backend name is known to the agent; the profile file's {@code
 * darwinAgent} section carries them (the launcher's boot loads it).
 *
 * @param bespokeBuilders backend → its build commands, in order (8.4)
 * @param genericPrelude the commands before a generic build ({@code make protogen-go})
 * @param genericTarget the make target of a generic build, {@code {lang}} replaced
 * @param brewInstall the formulae of {@code brew install} and {@code brew link --overwrite}
 * @param brewReinstall the formulae reinstalled one by one after the install
 * @param cellarFormulae the Cellar directories the Homebrew cache holds
 * @param cachePaths per cache, the directories it holds, relative to the home directory (the
 *     Homebrew Cellar directories come from {@code cellarFormulae}); the ccache's first one is
 *     {@code CCACHE_DIR}
 * @param workflowFile the build-definition file the Homebrew key hashes
 * @param goSum the file the Go key hashes
 * @param requirementsDir the directory of a Python backend's {@code requirements*.txt}, {@code
 *     {backend}} replaced
 * @param ccacheBackend the backend with a native ccache, or null
 * @param ccacheName the ccache key's name ({@code llama})
 * @param ccacheVersionMakefile the Makefile {@code LLAMA_VERSION} is read from
 * @param ccacheMaxSize the {@code ccache -M} size
 * @param usePipBackends backends built with {@code USE_PIP=true}
 * @param gateGoSaveOnPullRequests whether pull requests skip the Go save (Strata: true; LocalAI's
 *     behaviour: false)
 * @param weekStyle how the wheel key's week is written
 * @param imageTarball where a build leaves its OCI image tarball, {@code {backend}} replaced
 * @param packageDir the directory packaged into the tarball when the build left none, {@code
 *     {backend}} and {@code {lang}} replaced, or null
 * @param publishRepositories where non-PR builds are published, in tag order
 * @param platform the image platform ({@code darwin/arm64})
 */
public record DarwinProfile(
    Map<String, List<List<String>>> bespokeBuilders,
    List<List<String>> genericPrelude,
    String genericTarget,
    List<String> brewInstall,
    List<String> brewReinstall,
    List<String> cellarFormulae,
    Map<Cache, List<String>> cachePaths,
    String workflowFile,
    String goSum,
    String requirementsDir,
    String ccacheBackend,
    String ccacheName,
    String ccacheVersionMakefile,
    String ccacheMaxSize,
    Set<String> usePipBackends,
    boolean gateGoSaveOnPullRequests,
    WeekKeyStyle weekStyle,
    String imageTarball,
    String packageDir,
    List<ImageRef> publishRepositories,
    String platform) {

  public DarwinProfile {
    bespokeBuilders = Map.copyOf(bespokeBuilders);
    bespokeBuilders.values().forEach(DarwinProfile::requireCommands);
    genericPrelude = List.copyOf(genericPrelude);
    requireCommands(genericPrelude);
    Objects.requireNonNull(genericTarget, "genericTarget");
    brewInstall = List.copyOf(brewInstall);
    brewReinstall = List.copyOf(brewReinstall);
    cellarFormulae = List.copyOf(cellarFormulae);
    Map<Cache, List<String>> paths = new EnumMap<>(Cache.class);
    for (Cache c : Cache.values()) {
      List<String> dirs = List.copyOf(cachePaths.getOrDefault(c, List.of()));
      if (dirs.isEmpty() && c != Cache.HOMEBREW) {
        throw new IllegalArgumentException(
            "Invalid Darwin profile: the " + c + " cache holds no directory");
      }
      paths.put(c, dirs);
    }
    cachePaths = Collections.unmodifiableMap(paths);
    Objects.requireNonNull(workflowFile, "workflowFile");
    Objects.requireNonNull(goSum, "goSum");
    Objects.requireNonNull(requirementsDir, "requirementsDir");
    usePipBackends = Set.copyOf(usePipBackends);
    Objects.requireNonNull(weekStyle, "weekStyle");
    Objects.requireNonNull(imageTarball, "imageTarball");
    publishRepositories = List.copyOf(publishRepositories);
    Objects.requireNonNull(platform, "platform");
  }

  private static void requireCommands(List<List<String>> commands) {
    for (List<String> argv : commands) {
      if (argv.isEmpty()) {
        throw new IllegalArgumentException("Invalid build command []: expected a program");
      }
    }
  }

  /** This profile with LocalAI's ungated Go save ({@code false}) or Strata's gate. */
  public DarwinProfile withGoSaveGate(boolean gate) {
    return new DarwinProfile(
        bespokeBuilders,
        genericPrelude,
        genericTarget,
        brewInstall,
        brewReinstall,
        cellarFormulae,
        cachePaths,
        workflowFile,
        goSum,
        requirementsDir,
        ccacheBackend,
        ccacheName,
        ccacheVersionMakefile,
        ccacheMaxSize,
        usePipBackends,
        gate,
        weekStyle,
        imageTarball,
        packageDir,
        publishRepositories,
        platform);
  }

  /** This profile with another directory to package when a build leaves no tarball. */
  public DarwinProfile withPackageDir(String dir) {
    return new DarwinProfile(
        bespokeBuilders,
        genericPrelude,
        genericTarget,
        brewInstall,
        brewReinstall,
        cellarFormulae,
        cachePaths,
        workflowFile,
        goSum,
        requirementsDir,
        ccacheBackend,
        ccacheName,
        ccacheVersionMakefile,
        ccacheMaxSize,
        usePipBackends,
        gateGoSaveOnPullRequests,
        weekStyle,
        imageTarball,
        dir,
        publishRepositories,
        platform);
  }

  /** {@code CCACHE_DIR}: the ccache cache's first directory on {@code machine}. */
  public Path ccacheDir(Machine machine) {
    return machine.home().resolve(cachePaths.get(Cache.CCACHE).get(0));
  }

  /** The domain's restore/save policy for this profile. */
  public DarwinCachePolicy cachePolicy() {
    return new DarwinCachePolicy(
        ccacheBackend == null ? Set.of() : Set.of(ccacheBackend), gateGoSaveOnPullRequests);
  }
}
