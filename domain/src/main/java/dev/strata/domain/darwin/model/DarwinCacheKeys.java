package dev.strata.domain.darwin.model;

import dev.strata.domain.Values;
import dev.strata.domain.cache.api.IsoWeek;
import dev.strata.domain.trigger.api.RunId;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The keys of the four Darwin native caches (DOMAIN.md 8.2), exactly as LocalAI's workflow and
 * {@code actions/setup-go} build them. File hashes are inputs ({@code hashFiles} output: lowercase
 * hex, or empty when no file matched); computing them is the agent's I/O.
 *
 * <p>Two spellings of the architecture occur: the runner's ({@code runner.arch}: {@code ARM64},
 * {@code X64}) for Homebrew and ccache, and Node's ({@code process.arch}: {@code arm64}, {@code
 * x64}) for setup-go.
 */
public final class DarwinCacheKeys {
  private static final Pattern HASH = Pattern.compile("[0-9a-f]*");
  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");

  private DarwinCacheKeys() {}

  /**
   * setup-go's module and build cache: {@code setup-go-<RUNNER_OS>-<arch>-go-<version>-<hash>},
   * with {@code <ImageOS>-} before {@code go-} on Linux runners. No restore prefixes.
   *
   * @param runnerOs {@code RUNNER_OS}: {@code macOS}, {@code Linux}
   * @param nodeArch Node's {@code process.arch}: {@code arm64}, {@code x64}
   * @param imageOs {@code ImageOS} (e.g. {@code ubuntu24}); required on Linux, ignored elsewhere
   * @param goVersion the version setup-go keys on: the installed one as {@code go version} prints
   *     it (e.g. {@code 1.25.3}), not the requested {@code 1.25.x}
   * @param goSumHash {@code hashFiles} of {@code go.sum}
   */
  public static CacheKey goModules(
      String runnerOs, String nodeArch, String imageOs, String goVersion, String goSumHash) {
    word(runnerOs, "RUNNER_OS");
    word(nodeArch, "architecture");
    word(goVersion, "Go version");
    String linux = "";
    if (runnerOs.equals("Linux")) {
      linux = word(imageOs, "ImageOS") + "-";
    }
    return new CacheKey(
        "setup-go-"
            + runnerOs
            + "-"
            + nodeArch
            + "-"
            + linux
            + "go-"
            + goVersion
            + "-"
            + hash(goSumHash, "go.sum hash"),
        List.of());
  }

  /**
   * The Homebrew downloads and Cellar: {@code brew-<runner.os>-<runner.arch>-v1-<hash of the
   * workflow file>}. No restore prefixes.
   */
  public static CacheKey homebrew(String runnerOs, String runnerArch, String workflowHash) {
    return new CacheKey(
        "brew-"
            + word(runnerOs, "runner.os")
            + "-"
            + word(runnerArch, "runner.arch")
            + "-v1-"
            + hash(workflowHash, "workflow hash"),
        List.of());
  }

  /**
   * The ccache directory: {@code ccache-<name>-<runner.arch>-<version>-<run id>}, unique per run,
   * restored by the prefix {@code ccache-<name>-<runner.arch>-<version>-}.
   *
   * @param name the cache's name ({@code llama} in LocalAI's profile)
   * @param runnerArch {@code runner.arch}
   * @param version the pinned source version ({@link LlamaVersion#fromMakefile})
   * @param run the run id
   */
  public static CacheKey ccache(String name, String runnerArch, String version, RunId run) {
    Values.required(run, "run id");
    String prefix =
        "ccache-"
            + word(name, "ccache name")
            + "-"
            + word(runnerArch, "runner.arch")
            + "-"
            + word(version, "version")
            + "-";
    return new CacheKey(prefix + run.value(), List.of(prefix));
  }

  /**
   * The Python wheel caches (pip, uv): {@code pyenv-darwin-<backend>-<YYYY-Www>-<hash of
   * requirements*.txt>}, restored by the prefix {@code pyenv-darwin-<backend>-}.
   *
   * @param backend the Darwin entry's backend
   * @param week the week key of the job start ({@code WeekKeyStyle})
   * @param requirementsHash {@code hashFiles('backend/python/<backend>/requirements*.txt')}
   */
  public static CacheKey wheels(String backend, IsoWeek week, String requirementsHash) {
    Values.required(week, "week");
    String prefix = "pyenv-darwin-" + word(backend, "backend") + "-";
    return new CacheKey(
        prefix + week.value() + "-" + hash(requirementsHash, "requirements hash"), List.of(prefix));
  }

  private static String word(String value, String what) {
    return Values.matching(
        value,
        WORD,
        what,
        "letters, digits, '.', '_', '+' or '-', not starting with a symbol (no blanks)");
  }

  private static String hash(String value, String what) {
    return Values.matching(value, HASH, what, "lowercase hex as hashFiles prints it, or empty");
  }
}
