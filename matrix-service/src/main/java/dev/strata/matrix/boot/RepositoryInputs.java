package dev.strata.matrix.boot;

import dev.strata.domain.matrix.api.Matrix;
import dev.strata.matrix.adapter.jgit.JGitPlanInputs;
import dev.strata.matrix.adapter.jgit.Repositories;
import dev.strata.matrix.adapter.json.BatchRequest;
import dev.strata.matrix.adapter.yaml.SnakeYamlMatrixParser;
import dev.strata.matrix.core.plan.GitHubEvent;
import dev.strata.matrix.core.profile.Profile;
import dev.strata.matrix.port.ChangeRange;
import dev.strata.matrix.port.ChangedFiles;
import dev.strata.matrix.port.PlanInputException;
import dev.strata.matrix.port.PlanInputs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;

/** Opens each repository a run names once and builds git-backed plan inputs over it. */
final class RepositoryInputs implements AutoCloseable {
  private final Profile profile;
  private final SnakeYamlMatrixParser parser = new SnakeYamlMatrixParser();
  private final Map<Path, Repository> open = new HashMap<>();

  RepositoryInputs(Profile profile) {
    this.profile = profile;
  }

  PlanInputs inputsFor(Path dir, GitHubEvent event) throws IOException {
    Path key = dir.toAbsolutePath().normalize();
    Repository repository = open.get(key);
    if (repository == null) {
      repository = Repositories.open(key);
      open.put(key, repository);
    }
    return new JGitPlanInputs(repository, parser, profile.matrixPath(), profile.protoPath(), event);
  }

  /** For batch requests: a repository that cannot be opened fails that request's plan. */
  PlanInputs inputsFor(BatchRequest request) {
    try {
      return inputsFor(request.repo(), request.request().event());
    } catch (IOException e) {
      return new Unopenable(
          "Tried to open repository " + request.repo() + " but failed because: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    open.values().forEach(Repository::close);
    open.clear();
  }

  /** Inputs that fail the plan with the reason the repository could not be opened. */
  private record Unopenable(String reason) implements PlanInputs {
    @Override
    public Matrix currentMatrix() throws PlanInputException {
      throw new PlanInputException(reason, null);
    }

    @Override
    public ChangedFiles changedFiles(ChangeRange range) {
      return new ChangedFiles.Unavailable(reason);
    }

    @Override
    public Optional<Matrix> previousMatrix(String ref) {
      return Optional.empty();
    }

    @Override
    public Optional<String> currentProto() {
      return Optional.empty();
    }

    @Override
    public Optional<String> previousProto(String ref) {
      return Optional.empty();
    }
  }
}
