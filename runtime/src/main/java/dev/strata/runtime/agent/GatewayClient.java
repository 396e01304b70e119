package dev.strata.runtime.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.RunnerClass;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's agent API over {@code java.net.http} and Jackson: {@code POST /v1/agents/register},
 * {@code .../{agent}/heartbeat}, {@code .../{agent}/claim} (long poll: 200 with a leg or 204),
 * {@code .../{agent}/legs/{leg}/progress|result|failure}, and the native cache reports {@code
 * .../{agent}/legs/{leg}/cache-restores|cache-saves} and {@code .../{agent}/cache-evictions}. Every
 * call carries the bearer token; the token never appears in a message. Thread-safe.
 */
public final class GatewayClient {
  private final URI base;
  private final String authorization;
  private final AgentJson json;
  private final HttpClient http;

  /**
   * @param base the gateway's address, e.g. {@code http://127.0.0.1:8080}
   * @param token the agent's bearer token
   */
  public GatewayClient(URI base, String token, ObjectMapper mapper) {
    String b = base.toString();
    this.base = URI.create(b.endsWith("/") ? b : b + "/");
    this.authorization = "Bearer " + token;
    this.json = new AgentJson(mapper);
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** Registers an agent serving {@code runnerClasses}. */
  public AgentRegistration register(String name, List<RunnerClass> runnerClasses)
      throws GatewayException, InterruptedException {
    JsonNode r =
        send(
            "register agent " + name,
            "v1/agents/register",
            json.register(name, runnerClasses),
            201,
            Duration.ofSeconds(30));
    return json.registration(r);
  }

  /**
   * Extends every lease the agent holds.
   *
   * @return how many leases were extended
   */
  public int heartbeat(AgentId agent) throws GatewayException, InterruptedException {
    JsonNode r =
        send(
            "send a heartbeat for " + agent,
            agentPath(agent, "heartbeat"),
            json.mapper().createObjectNode(),
            200,
            Duration.ofSeconds(30));
    return r == null ? 0 : r.path("leasesExtended").asInt();
  }

  /**
   * Waits up to {@code wait} for a leg of the agent's runner classes.
   *
   * @return the claimed leg, or empty when none came within the wait
   */
  public Optional<ClaimedLeg> claim(AgentId agent, Duration wait)
      throws GatewayException, InterruptedException {
    ObjectNode body = json.mapper().createObjectNode();
    body.put("waitSeconds", Math.max(0, Math.min(30, wait.toSeconds())));
    JsonNode r =
        send(
            "claim a leg for " + agent, agentPath(agent, "claim"), body, 200, wait.plusSeconds(30));
    return r == null ? Optional.empty() : Optional.of(json.claimed(r));
  }

  /**
   * Sends log lines and the current step; extends the lease.
   *
   * @return false when the agent no longer holds the leg (409): stop building it
   */
  public boolean progress(AgentId agent, String leg, String step, List<String> lines)
      throws GatewayException, InterruptedException {
    try {
      send(
          "report progress of " + leg,
          legPath(agent, leg, "progress"),
          json.progress(step, lines),
          200,
          Duration.ofSeconds(30));
      return true;
    } catch (GatewayException e) {
      if (e.status() == 409) {
        return false;
      }
      throw e;
    }
  }

  /** Reports a finished build. */
  public void result(AgentId agent, String leg, LegResultReport report)
      throws GatewayException, InterruptedException {
    send(
        "report the result of " + leg,
        legPath(agent, leg, "result"),
        json.result(report),
        200,
        Duration.ofSeconds(60));
  }

  /** Reports a failed build. */
  public void failure(AgentId agent, String leg, LegFailureReport report)
      throws GatewayException, InterruptedException {
    send(
        "report the failure of " + leg,
        legPath(agent, leg, "failure"),
        json.failure(report),
        200,
        Duration.ofSeconds(60));
  }

  /** Reports a native cache restore of {@code leg} (hit, partial, miss or corrupt). */
  public void cacheRestored(AgentId agent, String leg, CacheRestoreReport report)
      throws GatewayException, InterruptedException {
    send(
        "report a " + report.cache() + " cache restore of " + leg,
        legPath(agent, leg, "cache-restores"),
        json.cacheRestore(report),
        201,
        Duration.ofSeconds(30));
  }

  /** Reports a native cache save of {@code leg}. */
  public void cacheSaved(AgentId agent, String leg, CacheSaveReport report)
      throws GatewayException, InterruptedException {
    send(
        "report a " + report.cache() + " cache save of " + leg,
        legPath(agent, leg, "cache-saves"),
        json.cacheSave(report),
        201,
        Duration.ofSeconds(30));
  }

  /** Reports the eviction of an entry of the agent's cache store. */
  public void cacheEvicted(AgentId agent, CacheEvictionReport report)
      throws GatewayException, InterruptedException {
    send(
        "report the eviction of cache entry " + report.key(),
        agentPath(agent, "cache-evictions"),
        json.cacheEviction(report),
        201,
        Duration.ofSeconds(30));
  }

  private static String agentPath(AgentId agent, String op) {
    return "v1/agents/" + agent.value() + "/" + op;
  }

  private static String legPath(AgentId agent, String leg, String op) {
    return "v1/agents/"
        + agent.value()
        + "/legs/"
        + URLEncoder.encode(leg, StandardCharsets.UTF_8).replace("+", "%20")
        + "/"
        + op;
  }

  /** POSTs {@code body}; returns the JSON answer, or null for 204. */
  private JsonNode send(String action, String path, JsonNode body, int expected, Duration timeout)
      throws GatewayException, InterruptedException {
    HttpResponse<byte[]> r;
    try {
      HttpRequest req =
          HttpRequest.newBuilder(base.resolve(path))
              .timeout(timeout)
              .header("Authorization", authorization)
              .header("Content-Type", "application/json")
              .header("Accept", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(json.mapper().writeValueAsBytes(body)))
              .build();
      r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new GatewayException(
          "Tried to " + action + " at " + base + " but failed because: " + e, 0, e);
    }
    if (r.statusCode() == 204) {
      return null;
    }
    if (r.statusCode() != expected && !(r.statusCode() == 200 && expected == 201)) {
      throw new GatewayException(
          "Tried to "
              + action
              + " but failed because: the gateway answered "
              + r.statusCode()
              + problem(r.body()),
          r.statusCode(),
          null);
    }
    try {
      return r.body().length == 0
          ? json.mapper().createObjectNode()
          : json.mapper().readTree(r.body());
    } catch (IOException e) {
      throw new GatewayException(
          "Tried to " + action + " but failed because: the answer is not JSON: " + e.getMessage(),
          r.statusCode(),
          e);
    }
  }

  private String problem(byte[] body) {
    try {
      JsonNode p = json.mapper().readTree(body);
      String detail = p.path("detail").asText(p.path("title").asText(""));
      return detail.isEmpty() ? "" : ": " + detail;
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
