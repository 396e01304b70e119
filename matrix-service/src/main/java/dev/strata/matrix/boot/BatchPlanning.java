package dev.strata.matrix.boot;

import dev.strata.matrix.adapter.file.FilePlanInputs;
import dev.strata.matrix.adapter.file.FileStore;
import dev.strata.matrix.adapter.json.BadRequestException;
import dev.strata.matrix.adapter.json.BatchRequest;
import dev.strata.matrix.adapter.json.BatchRequestReader;
import dev.strata.matrix.adapter.json.ResultJson;
import dev.strata.matrix.core.plan.PlanResult;
import dev.strata.matrix.core.plan.Planner;
import dev.strata.matrix.port.ChangedFiles;
import dev.strata.matrix.port.PlanInputs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Batch mode: one JVM, many plans. Reads request lines, plans each, writes one result line per
 * request in the same order. A bad line yields a result with exit code 2 and the batch goes on.
 */
public final class BatchPlanning {

  /** Counts of what a batch did. */
  public record Summary(int requests, int failed, int badRequests) {}

  private final Planner planner;
  private final FileStore files;
  private final Function<BatchRequest, PlanInputs> repositoryInputs;

  /**
   * @param repositoryInputs builds inputs for a request that names a repository and no file list,
   *     or null when repository mode is not available
   */
  public BatchPlanning(
      Planner planner, FileStore files, Function<BatchRequest, PlanInputs> repositoryInputs) {
    this.planner = planner;
    this.files = files;
    this.repositoryInputs = repositoryInputs;
  }

  /** Plans every line of {@code requests} and writes the results to {@code out}. */
  public Summary run(Path requests, Writer out) throws IOException {
    Path base = requests.toAbsolutePath().getParent();
    BatchRequestReader reader = new BatchRequestReader(base);
    int count = 0;
    int failed = 0;
    int bad = 0;
    int lineNo = 0;
    try (BufferedReader in = Files.newBufferedReader(requests)) {
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        count++;
        BatchRequest request;
        try {
          request = reader.parse(line, requests + ":" + lineNo);
        } catch (BadRequestException e) {
          bad++;
          ResultJson.writeError(out, e.id(), 2, e.getMessage());
          continue;
        }
        PlanInputs inputs = inputsFor(request);
        if (inputs == null) {
          bad++;
          ResultJson.writeError(
              out,
              request.id(),
              2,
              requests
                  + ":"
                  + lineNo
                  + ": request "
                  + request.id()
                  + ": field 'repo' needs repository mode, which this command was started without");
          continue;
        }
        PlanResult result = planner.plan(request.request(), inputs);
        if (result.exitCode() != 0) {
          failed++;
        }
        ResultJson.write(out, request.id(), result);
      }
    }
    out.flush();
    return new Summary(count, failed, bad);
  }

  private PlanInputs inputsFor(BatchRequest r) {
    if (r.repo() != null && r.changed() == null) {
      return repositoryInputs == null ? null : repositoryInputs.apply(r);
    }
    return new FilePlanInputs(
        files,
        r.matrixFile(),
        r.changed() != null
            ? r.changed()
            : new ChangedFiles.Unavailable("the request has no changedFiles"),
        r.previousMatrixFile(),
        r.protoFile(),
        r.previousProtoFile());
  }
}
