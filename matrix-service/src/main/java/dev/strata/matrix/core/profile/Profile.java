package dev.strata.matrix.core.profile;

import dev.strata.domain.Values;
import dev.strata.matrix.core.pipeline.Pipelines;
import java.util.List;

/**
 * Everything repository-specific about change detection, loaded from a profile file: where the
 * matrix and proto live, path inference, fork dependencies, shared inputs, limits, registries and
 * lint checks, and the pipelines declared over the repository. No backend name or repository path
 * appears in code.
 */
public record Profile(
    String name,
    String matrixPath,
    String protoPath,
    OsRules linux,
    OsRules darwin,
    List<SharedRule> sharedInputs,
    Limits limits,
    Registries registries,
    LintRules lint,
    Pipelines pipelines) {

  public Profile {
    Values.required(name, "profile name");
    Values.required(matrixPath, "matrix path");
    Values.required(protoPath, "proto path");
    Values.required(linux, "linux rules");
    Values.required(darwin, "darwin rules");
    sharedInputs = List.copyOf(Values.required(sharedInputs, "shared inputs"));
    Values.required(limits, "limits");
    Values.required(registries, "registries");
    lint = lint == null ? LintRules.NONE : lint;
    pipelines = pipelines == null ? Pipelines.backendOnly() : pipelines;
    for (SharedRule rule : sharedInputs) {
      if (!linux.accepts(rule.linux()) || !darwin.accepts(rule.darwin())) {
        throw new IllegalArgumentException(
            "Invalid shared rule "
                + Values.quote(rule.id())
                + ": its selector names a class the profile does not declare");
      }
    }
  }
}
