package dev.strata.gateway.adapter.http;

import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.domain.trigger.api.Trigger;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.Map;
import java.util.Set;

/**
 * Turns GitHub event payloads (as GitHub sends them, or wrapped in Strata's trigger JSON) into
 * triggers. Each payload is first validated against its schema in the OpenAPI document ({@code
 * Github*} components); events that start no run are reported as ignored.
 */
final class GithubPayloads {
  private static final String BASE = "https://strata.dev/openapi.json";
  private static final Set<String> PR_ACTIONS = Set.of("opened", "synchronize", "reopened");
  private static final Map<String, String> SCHEMAS =
      Map.of(
          "push", "GithubPush",
          "pull_request", "GithubPullRequest",
          "workflow_dispatch", "GithubWorkflowDispatch",
          "schedule", "GithubSchedule");

  private final Map<String, Validator> validators = new java.util.HashMap<>();

  /** A trigger, or why the event starts nothing. */
  record Translation(Trigger trigger, String ignored) {
    static Translation ignored(String why) {
      return new Translation(null, why);
    }
  }

  GithubPayloads(OpenAPIContract contract) {
    JsonSchemaOptions options =
        new JsonSchemaOptions()
            .setDraft(Draft.DRAFT202012)
            .setBaseUri(BASE)
            .setOutputFormat(OutputFormat.Basic);
    SchemaRepository repository = SchemaRepository.create(options);
    repository.dereference(BASE, JsonSchema.of(contract.getRawContract()));
    SCHEMAS.forEach(
        (event, schema) ->
            validators.put(
                event,
                repository.validator(
                    JsonSchema.of(
                        new JsonObject().put("$ref", BASE + "#/components/schemas/" + schema)),
                    options)));
  }

  /**
   * Validates and translates {@code payload} of GitHub event {@code event}.
   *
   * @param at the JSON pointer of the payload in the request body ("" or "/payload"), for errors
   * @param forceAll the FORCE_ALL switch for branch pushes
   * @param repository the repository to use instead of the payload's, or null
   */
  Translation translate(
      String event, JsonObject payload, String at, boolean forceAll, Repository repository) {
    Validator validator = validators.get(event);
    if (validator == null) {
      return Translation.ignored("event '" + event + "' does not start a run");
    }
    OutputUnit result = validator.validate(payload);
    if (!result.getValid()) {
      throw new SchemaFailure(at, result);
    }
    Repository repo =
        repository != null
            ? repository
            : Repository.parse(payload.getJsonObject("repository").getString("full_name"));
    return switch (event) {
      case "push" -> push(payload, repo, forceAll);
      case "pull_request" -> pullRequest(payload, repo, at);
      case "workflow_dispatch" ->
          new Translation(
              Trigger.dispatch(repo, payload.getString("ref"), sha(payload, "sha")), null);
      default -> schedule(payload, repo);
    };
  }

  private static Translation push(JsonObject p, Repository repo, boolean forceAll) {
    if (p.getBoolean("deleted", false)) {
      return Translation.ignored("a deleted branch or tag starts no run");
    }
    String ref = p.getString("ref");
    CommitSha after = CommitSha.parse(p.getString("after"));
    if (ref.startsWith("refs/tags/")) {
      return new Translation(
          Trigger.tagPush(repo, ref.substring("refs/tags/".length()), after), null);
    }
    return new Translation(
        Trigger.push(
            repo, ref.substring("refs/heads/".length()), sha(p, "before"), after, forceAll),
        null);
  }

  private static Translation pullRequest(JsonObject p, Repository repo, String at) {
    String action = p.getString("action");
    if (!PR_ACTIONS.contains(action)) {
      return Translation.ignored("pull_request action '" + action + "' starts no run");
    }
    JsonObject pr = p.getJsonObject("pull_request");
    JsonObject head = pr.getJsonObject("head");
    JsonObject base = pr.getJsonObject("base");
    String headRepo =
        head.getJsonObject("repo") == null
            ? null
            : head.getJsonObject("repo").getString("full_name");
    String baseRepo =
        base.getJsonObject("repo") == null
            ? repo.fullName()
            : base.getJsonObject("repo").getString("full_name");
    boolean fork = headRepo == null || !headRepo.equals(baseRepo);
    Integer number = p.getInteger("number");
    return new Translation(
        Trigger.pullRequest(
            repo,
            number,
            BadRequest.parse(
                at + "/pull_request/base/sha", base.getString("sha"), CommitSha::parse),
            BadRequest.parse(
                at + "/pull_request/head/sha", head.getString("sha"), CommitSha::parse),
            sha(pr, "merge_commit_sha"),
            fork),
        null);
  }

  private static Translation schedule(JsonObject p, Repository repo) {
    String ref = p.getString("ref");
    JsonObject repository = p.getJsonObject("repository");
    String branch =
        ref != null
            ? ref.substring("refs/heads/".length())
            : repository == null ? null : repository.getString("default_branch");
    return new Translation(
        Trigger.schedule(repo, p.getString("schedule"), branch, sha(p, "sha")), null);
  }

  private static CommitSha sha(JsonObject o, String field) {
    String raw = o.getString(field);
    return raw == null ? null : CommitSha.parse(raw);
  }

  /** A payload that does not match its schema; {@link Problems} names the fields. */
  static final class SchemaFailure extends RuntimeException {
    final String at;
    final transient OutputUnit unit;

    SchemaFailure(String at, OutputUnit unit) {
      super("The " + (at.isEmpty() ? "payload" : at.substring(1)) + " does not match its schema");
      this.at = at;
      this.unit = unit;
    }
  }
}
