package dev.strata.matrix.boot;

import dev.strata.domain.matrix.api.Matrix;
import dev.strata.matrix.adapter.file.FileStore;
import dev.strata.matrix.adapter.yaml.ProfileException;
import dev.strata.matrix.adapter.yaml.SnakeYamlMatrixParser;
import dev.strata.matrix.adapter.yaml.YamlProfileLoader;
import dev.strata.matrix.core.lint.MatrixLint;
import dev.strata.matrix.core.profile.Profile;
import dev.strata.matrix.port.PlanInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code strata lint}: checks a matrix against the profile's rules and the pipeline's invariants.
 * Exit 0 when clean, 1 with one line per finding, 2 when the profile or matrix cannot be read.
 */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = "Report matrix entries no rule can select and broken matrix invariants.")
public final class LintCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--profile", required = true, description = "Profile file.")
  Path profile;

  @Option(names = "--matrix", description = "Matrix file (default: the profile's matrix path).")
  Path matrix;

  public static void main(String[] args) {
    System.exit(new CommandLine(new LintCommand()).execute(args));
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Profile loaded;
    Matrix parsed;
    try {
      loaded = new YamlProfileLoader().load(profile);
      Path file = matrix != null ? matrix : Path.of(loaded.matrixPath());
      parsed = new FileStore(new SnakeYamlMatrixParser()).matrix(file);
    } catch (ProfileException | PlanInputException e) {
      err.println(e.getMessage());
      return 2;
    }
    List<String> findings = MatrixLint.check(parsed, loaded);
    findings.forEach(out::println);
    out.flush();
    return findings.isEmpty() ? 0 : 1;
  }
}
