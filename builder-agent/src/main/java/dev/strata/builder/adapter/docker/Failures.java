package dev.strata.builder.adapter.docker;

import dev.strata.builder.core.PlainProgress;
import dev.strata.builder.port.BuildException;
import dev.strata.builder.port.CommandResult;
import java.util.List;

/** Turns a failed build command into a {@link BuildException} naming the failing step. */
final class Failures {
  private Failures() {}

  static BuildException of(PlainProgress progress, CommandResult result) {
    var failed = progress.failedStep();
    String step = failed.map(PlainProgress.Vertex::name).orElse("build");
    String reason =
        failed
            .map(PlainProgress.Vertex::error)
            .or(() -> lastNonSeparator(progress.trailer()))
            .orElse("the build exited with " + result.exitCode());
    return new BuildException(step, reason, result.tail());
  }

  private static java.util.Optional<String> lastNonSeparator(List<String> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      String l = lines.get(i).trim();
      if (!l.isEmpty() && !l.startsWith("---")) {
        return java.util.Optional.of(l);
      }
    }
    return java.util.Optional.empty();
  }
}
