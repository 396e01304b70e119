package dev.strata.it.processes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The CI side of the gateway's REST API, as a client script would call it. */
final class GatewayHttp {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A response: status and JSON body. */
  record Reply(int status, JsonNode body) {}

  private final URI base;
  private final String ciToken;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  GatewayHttp(URI base, String ciToken) {
    this.base = base;
    this.ciToken = ciToken;
  }

  /** A push of {@code after} on master after {@code before}. */
  static ObjectNode push(String before, String after) {
    return push(ProcessFixture.REPOSITORY, before, after);
  }

  /** A push of {@code after} on master of {@code repository} after {@code before}. */
  static ObjectNode push(String repository, String before, String after) {
    ObjectNode p = JSON.createObjectNode();
    p.put("ref", "refs/heads/master").put("before", before).put("after", after);
    p.putObject("repository").put("full_name", repository);
    return p;
  }

  /** An opened pull request {@code number} of {@code head} against {@code base}. */
  static ObjectNode pullRequest(int number, String baseSha, String headSha) {
    ObjectNode p = JSON.createObjectNode();
    p.put("action", "opened").put("number", number);
    ObjectNode pr = p.putObject("pull_request");
    pr.putObject("head").put("sha", headSha);
    pr.putObject("base").put("sha", baseSha);
    p.putObject("repository").put("full_name", ProcessFixture.REPOSITORY);
    return p;
  }

  /** One attempt at {@code POST /v1/triggers}; an unreachable gateway throws. */
  Reply trigger(String deliveryId, String event, JsonNode payload)
      throws IOException, InterruptedException {
    return trigger(deliveryId, event, payload, false);
  }

  /** As {@link #trigger(String, String, JsonNode)}; {@code forceAll} runs the full matrix. */
  Reply trigger(String deliveryId, String event, JsonNode payload, boolean forceAll)
      throws IOException, InterruptedException {
    ObjectNode body = JSON.createObjectNode();
    body.put("deliveryId", deliveryId).put("event", event).set("payload", payload);
    if (forceAll) {
      body.put("forceAll", true);
    }
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve("/v1/triggers"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ciToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()));
  }

  /** {@code GET path} with the CI token. */
  Reply get(String path) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ciToken)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()));
  }
}
