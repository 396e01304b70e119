package dev.strata.it.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The gateway's REST API as CI and an operator use it: {@code POST /v1/triggers} with the ci token,
 * run views and run events. Waits poll the run's events and, on timeout, fail saying what was
 * awaited and which events the run had so far.
 */
final class GatewayApi {
  private final URI base;
  private final String ciToken;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();

  GatewayApi(URI base, String ciToken) {
    this.base = base;
    this.ciToken = ciToken;
  }

  ObjectMapper json() {
    return json;
  }

  /** Posts a GitHub event through {@code POST /v1/triggers}; returns the run id. */
  String trigger(String repository, String event, ObjectNode payload)
      throws IOException, InterruptedException {
    ObjectNode body = json.createObjectNode();
    body.put("deliveryId", UUID.randomUUID().toString());
    body.put("event", event);
    body.put("repository", repository);
    body.set("payload", payload);
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve("/v1/triggers"))
                .header("Authorization", "Bearer " + ciToken)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 202) {
      throw new AssertionError(
          "POST /v1/triggers (" + event + ") answered " + r.statusCode() + ": " + r.body());
    }
    return json.readTree(r.body()).path("runId").asText();
  }

  /** {@code GET path} with the ci token, as JSON; fails unless 200. */
  JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + ciToken)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    return json.readTree(r.body());
  }

  /** The run's view ({@code GET /v1/runs/{id}}). */
  JsonNode run(String runId) throws IOException, InterruptedException {
    return get("/v1/runs/" + runId);
  }

  /** The run's stored events, in order ({@code GET /v1/runs/{id}/events}). */
  List<JsonNode> events(String runId) throws IOException, InterruptedException {
    List<JsonNode> out = new ArrayList<>();
    get("/v1/runs/" + runId + "/events").path("events").forEach(out::add);
    return out;
  }

  /** The payloads of the run's events of {@code type}. */
  static List<JsonNode> ofType(List<JsonNode> events, String type) {
    return events.stream()
        .filter(e -> type.equals(e.path("type").asText()))
        .map(e -> e.path("payload"))
        .toList();
  }

  /** Polls the run's events until {@code done} holds; returns them. */
  List<JsonNode> awaitEvents(
      String runId, String what, Duration timeout, Predicate<List<JsonNode>> done)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<JsonNode> events = List.of();
    boolean ended = false;
    while (!ended && System.nanoTime() < deadline) {
      events = events(runId);
      if (done.test(events)) {
        return events;
      }
      // a run that ended without what we wait for will not reach it: stop waiting
      ended =
          !ofType(events, "RunCompleted").isEmpty() || !ofType(events, "RunCancelled").isEmpty();
      if (!ended) {
        Thread.sleep(250);
      }
    }
    throw new AssertionError(
        (ended
                ? "Run " + runId + " ended before reaching: "
                : "Timed out after "
                    + timeout.toSeconds()
                    + " s waiting for run "
                    + runId
                    + " to reach: ")
            + what
            + "; its events so far: "
            + describe(events));
  }

  /** Waits for {@code condition}, failing with {@code what} and {@code context}'s state. */
  static void await(
      String what, Duration timeout, Supplier<Boolean> condition, Supplier<String> context)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "Timed out after "
                + timeout.toSeconds()
                + " s waiting for "
                + what
                + "; "
                + context.get());
      }
      Thread.sleep(250);
    }
  }

  /** One line per event: type, and for leg events the leg and its reason or digest. */
  static String describe(List<JsonNode> events) {
    StringBuilder sb = new StringBuilder();
    for (JsonNode e : events) {
      JsonNode p = e.path("payload");
      sb.append("\n  ")
          .append(e.path("sequence").asText())
          .append(' ')
          .append(e.path("type").asText());
      if (p.has("legId")) {
        sb.append(' ').append(p.path("legId").asText());
      }
      if (p.has("tagSuffix")) {
        sb.append(' ').append(p.path("tagSuffix").asText());
      }
      for (String detail : new String[] {"reason", "error", "failedStep", "digest", "outcome"}) {
        if (p.hasNonNull(detail)) {
          sb.append(' ').append(detail).append('=').append(p.path(detail).asText());
        }
      }
    }
    return sb.length() == 0 ? "(none)" : sb.toString();
  }
}
