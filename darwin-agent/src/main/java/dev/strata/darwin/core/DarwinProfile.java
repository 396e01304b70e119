package dev.strata.darwin.core;

import dev.strata.domain.cache.model.WeekKeyStyle;
import dev.strata.domain.darwin.model.DarwinCachePolicy;
import dev.strata.domain.image.api.ImageRef;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a repository's profile says about its Darwin builds (DOMAIN.md 8): which backends have a
 * bespoke builder and its commands, the generic build target, the Homebrew lists, the files the
 * cache keys hash, the ccache backend, the save gating and the week style, and where images are
 * published. Data, not code: no backend name is known to the agent. {@link #localAi} is LocalAI's
 * profile until the profile file carries these fields.
 *
 * @param bespokeBuilders backend → its build commands, in order (8.4)
 * @param genericPrelude the commands before a generic build ({@code make protogen-go})
 * @param genericTarget the make target of a generic build, {@code {lang}} replaced
 * @param brewInstall the formulae of {@code brew install} and {@code brew link --overwrite}
 * @param brewReinstall the formulae reinstalled one by one after the install
 * @param cellarFormulae the Cellar directories the Homebrew cache holds
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

  /** LocalAI's Darwin workflow (DOMAIN.md 8.2 to 8.5) with Strata's Go-save gating. */
  public static DarwinProfile localAi(List<ImageRef> publishRepositories) {
    List<String> protogen = List.of("make", "protogen-go");
    return new DarwinProfile(
        Map.of(
            "llama-cpp", List.of(protogen, List.of("make", "backends/llama-cpp-darwin")),
            "ds4", List.of(List.of("make", "backends/ds4-darwin")),
            "privacy-filter", List.of(protogen, List.of("make", "backends/privacy-filter-darwin")),
            "audio-cpp", List.of(List.of("make", "backends/audio-cpp-darwin"))),
        List.of(protogen),
        "build-darwin-{lang}-backend",
        List.of(
            "protobuf",
            "grpc",
            "make",
            "protoc-gen-go",
            "protoc-gen-go-grpc",
            "libomp",
            "llvm",
            "ccache",
            "blake3",
            "fmt",
            "hiredis",
            "xxhash",
            "zstd",
            "nlohmann-json",
            "opus",
            "pkg-config"),
        List.of("ccache", "grpc"),
        List.of(
            "protobuf",
            "grpc",
            "protoc-gen-go",
            "protoc-gen-go-grpc",
            "libomp",
            "llvm",
            "ccache",
            "blake3",
            "fmt",
            "hiredis",
            "xxhash",
            "zstd",
            "nlohmann-json",
            "opus"),
        ".github/workflows/backend_build_darwin.yml",
        "go.sum",
        "backend/python/{backend}",
        "llama-cpp",
        "llama",
        "backend/cpp/llama-cpp/Makefile",
        "2G",
        Set.of("diffusers"),
        true,
        WeekKeyStyle.ISO,
        "backend-images/{backend}.tar",
        null,
        publishRepositories,
        "darwin/arm64");
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

  /** The domain's restore/save policy for this profile. */
  public DarwinCachePolicy cachePolicy() {
    return new DarwinCachePolicy(
        ccacheBackend == null ? Set.of() : Set.of(ccacheBackend), gateGoSaveOnPullRequests);
  }
}
