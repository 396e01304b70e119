package dev.strata.matrix.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.matrix.adapter.file.FilePlanInputs;
import dev.strata.matrix.adapter.file.FileStore;
import dev.strata.matrix.adapter.json.EventPayloads;
import dev.strata.matrix.adapter.json.ResultJson;
import dev.strata.matrix.adapter.yaml.ProfileException;
import dev.strata.matrix.adapter.yaml.SnakeYamlMatrixParser;
import dev.strata.matrix.adapter.yaml.YamlProfileLoader;
import dev.strata.matrix.core.pipeline.FixedPipeline;
import dev.strata.matrix.core.pipeline.PipelineTrigger;
import dev.strata.matrix.core.pipeline.Pipelines;
import dev.strata.matrix.core.plan.GitHubEvent;
import dev.strata.matrix.core.plan.PlanRequest;
import dev.strata.matrix.core.plan.PlanResult;
import dev.strata.matrix.core.plan.Planner;
import dev.strata.matrix.core.profile.Profile;
import dev.strata.matrix.port.ChangedFiles;
import dev.strata.matrix.port.PlanInputs;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code strata plan}: which matrix entries a change must rebuild, as LocalAI's {@code
 * changed-backends.js} GitHub outputs. Modes: batch ({@code --batch}), repository ({@code --repo}:
 * changed paths and previous revisions from git, no file-count cap), explicit (a file list and
 * matrix/proto revisions as files, as a hosting API gives them). Exit codes: 0 planned, 1 planning
 * failed, 2 bad usage.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    subcommands = HistoryCommand.class,
    description = "Plan which matrix entries a change rebuilds (DOMAIN.md 3).")
public final class PlanCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format {
    GITHUB_OUTPUT,
    JSON,
    TABLE;

    static Format parse(String s) {
      return valueOf(s.toUpperCase().replace('-', '_'));
    }
  }

  @Spec CommandLine.Model.CommandSpec spec;

  // not picocli-required, so that `plan history --profile P` does not also need one here
  @Option(names = "--profile", description = "Profile file (e.g. profiles/localai.yml).")
  Path profile;

  @Option(names = "--repo", description = "Plan from this git repository (work tree or bare).")
  Path repo;

  @Option(names = "--batch", description = "Plan every request line of this JSONL file.")
  Path batch;

  @Option(names = "--out", description = "Write batch results here (default: standard output).")
  Path out;

  @Option(
      names = "--event-file",
      description = "GitHub event payload (default: $GITHUB_EVENT_PATH).")
  Path eventFile;

  @Option(
      names = "--event-name",
      description = "push, pull_request, schedule or workflow_dispatch.")
  String eventName;

  @Option(names = "--changed-files", description = "Changed paths, one per line.")
  Path changedFiles;

  @Option(names = "--changed-files-error", description = "The file-list source failed.")
  boolean changedFilesError;

  @Option(
      names = "--matrix",
      description = "Checked-out matrix (default: the profile's matrix path).")
  Path matrix;

  @Option(names = "--previous-matrix", description = "Matrix at the previous revision.")
  Path previousMatrix;

  @Option(
      names = "--previous-matrix-unavailable",
      description = "The previous matrix cannot be read.")
  boolean previousMatrixUnavailable;

  @Option(names = "--proto", description = "Checked-out proto (default: the profile's proto path).")
  Path proto;

  @Option(names = "--previous-proto", description = "Proto at the previous revision.")
  Path previousProto;

  @Option(
      names = "--previous-proto-unavailable",
      description = "The previous proto cannot be read.")
  boolean previousProtoUnavailable;

  @Option(
      names = "--pipeline",
      description = "The pipeline to plan (default: the profile's backend matrix).")
  String pipeline;

  @Option(
      names = "--format",
      defaultValue = "github-output",
      description = "github-output (key=value lines), json or table.")
  String format;

  private final Map<String, String> environment;

  public PlanCommand() {
    this(System.getenv());
  }

  PlanCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new PlanCommand()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Format fmt;
    try {
      fmt = Format.parse(format);
    } catch (IllegalArgumentException e) {
      err.println("--format must be github-output, json or table, not '" + format + "'");
      return 2;
    }
    if (profile == null) {
      err.println("Missing required option: '--profile=<profile>'");
      return 2;
    }
    Profile loaded;
    try {
      loaded = new YamlProfileLoader().load(profile);
    } catch (ProfileException e) {
      err.println(e.getMessage());
      return 2;
    }
    Pipelines pipelines = loaded.pipelines();
    if (pipeline != null && !pipelines.declares(pipeline)) {
      err.println(
          "Unknown pipeline '"
              + pipeline
              + "'; profile "
              + profile
              + " declares: "
              + String.join(", ", pipelines.order()));
      return 2;
    }
    if (pipeline != null && !pipeline.equals(pipelines.backend())) {
      if (batch != null) {
        err.println(
            "--batch plans only the backend matrix ('"
                + pipelines.backend()
                + "'); drop --pipeline "
                + pipeline
                + " or --batch");
        return 2;
      }
      return runFixed(pipelines.fixed(pipeline).orElseThrow(), fmt, err);
    }
    Planner planner = new Planner(loaded);
    FileStore store = new FileStore(new SnakeYamlMatrixParser());
    if (batch != null) {
      return runBatch(planner, store, err);
    }
    return runSingle(planner, store, fmt, err);
  }

  private int runBatch(Planner planner, FileStore store, PrintWriter err) throws IOException {
    if (!Files.isRegularFile(batch)) {
      err.println("Tried to read batch " + batch + " but failed because: no such file");
      return 2;
    }
    try (Writer w =
        out == null
            ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
            : Files.newBufferedWriter(out)) {
      RepositoryInputs repos = new RepositoryInputs(planner.profile());
      BatchPlanning.Summary summary;
      try {
        summary = new BatchPlanning(planner, store, repos::inputsFor).run(batch, w);
      } finally {
        repos.close();
      }
      err.printf(
          "planned %d requests: %d failed, %d bad%n",
          summary.requests(), summary.failed(), summary.badRequests());
    }
    return 0;
  }

  private int runSingle(Planner planner, FileStore store, Format fmt, PrintWriter err)
      throws IOException {
    Path eventPath = eventPath();
    if (eventPath == null) {
      err.println(
          "strata plan needs --event-file EVENT.json (or $GITHUB_EVENT_PATH) unless --batch is given");
      return 2;
    }
    if (previousMatrix != null && previousMatrixUnavailable
        || previousProto != null && previousProtoUnavailable) {
      err.println("Give a previous revision as a file or say it is unavailable, not both");
      return 2;
    }
    JsonNode payload;
    try {
      payload = new ObjectMapper().readTree(eventPath.toFile());
    } catch (IOException e) {
      err.println("Tried to read event " + eventPath + " but failed because: " + e.getMessage());
      return 2;
    }
    GitHubEvent event = EventPayloads.from(payload);
    Map<String, String> env = new HashMap<>();
    if (environment.get("FORCE_ALL") != null) {
      env.put("FORCE_ALL", environment.get("FORCE_ALL"));
    }
    PlanResult result;
    if (repo != null) {
      try (RepositoryInputs repos = new RepositoryInputs(planner.profile())) {
        PlanInputs inputs;
        try {
          inputs = repos.inputsFor(repo, event);
        } catch (IOException e) {
          err.println(
              "Tried to open repository " + repo + " but failed because: " + e.getMessage());
          return 2;
        }
        result = planner.plan(new PlanRequest(event, env), inputs);
      }
    } else {
      result = planner.plan(new PlanRequest(event, env), explicitInputs(planner.profile(), store));
    }
    PrintWriter stdout = spec.commandLine().getOut();
    switch (fmt) {
      case GITHUB_OUTPUT ->
          result.outputs().forEach(o -> stdout.println(o.key() + "=" + o.value()));
      case JSON -> stdout.println(ResultJson.toJson(eventName, result));
      case TABLE -> stdout.print(PlanTable.render(result));
    }
    stdout.flush();
    if (result.exitCode() != 0) {
      err.println(result.error());
    }
    return result.exitCode();
  }

  private int runFixed(FixedPipeline fixed, Format fmt, PrintWriter err) throws IOException {
    Path eventPath = eventPath();
    if (eventPath == null) {
      err.println("strata plan --pipeline " + fixed.name() + " needs --event-file EVENT.json");
      return 2;
    }
    JsonNode payload;
    PipelineTrigger trigger;
    try {
      payload = new ObjectMapper().readTree(eventPath.toFile());
      trigger = EventPayloads.trigger(payload, eventName);
    } catch (IOException e) {
      err.println("Tried to read event " + eventPath + " but failed because: " + e.getMessage());
      return 2;
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    }
    ChangedFiles listed = repo == null ? listedChanges() : null;
    return FixedPipelineRun.run(
        fixed, trigger, repo, listed, fmt, eventName, spec.commandLine().getOut(), err);
  }

  private Path eventPath() {
    if (eventFile == null && environment.get("GITHUB_EVENT_PATH") != null) {
      return Path.of(environment.get("GITHUB_EVENT_PATH"));
    }
    return eventFile;
  }

  private ChangedFiles listedChanges() throws IOException {
    if (changedFilesError) {
      return new ChangedFiles.Unavailable("the changed-file source failed (--changed-files-error)");
    }
    if (changedFiles == null) {
      return new ChangedFiles.Unavailable("no --changed-files was given");
    }
    List<String> paths = new ArrayList<>();
    for (String line : Files.readAllLines(changedFiles)) {
      String path = line.strip();
      if (!path.isEmpty()) {
        paths.add(path);
      }
    }
    return new ChangedFiles.Listed(paths, true);
  }

  private PlanInputs explicitInputs(Profile p, FileStore store) throws IOException {
    ChangedFiles changed = listedChanges();
    Path matrixPath = matrix != null ? matrix : Path.of(p.matrixPath());
    Path protoPath = proto != null ? proto : Path.of(p.protoPath());
    return new FilePlanInputs(store, matrixPath, changed, previousMatrix, protoPath, previousProto);
  }
}
