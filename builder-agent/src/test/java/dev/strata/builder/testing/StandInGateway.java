package dev.strata.builder.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.strata.domain.matrix.api.LinuxEntry;
import dev.strata.domain.trigger.api.Trigger;
import dev.strata.runtime.serialization.StrataSerializers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the gateway's agent API (the shapes of its OpenAPI document), for testing the
 * agent loop without the control plane: legs are queued by the test, claims pop them, reports are
 * recorded. Lease expiry is the test's to simulate (queue the leg again).
 */
public final class StandInGateway implements AutoCloseable {
  private static final ObjectMapper JSON = StrataSerializers.objectMapper();

  /** One report an agent sent. */
  public record Report(String agent, String leg, String kind, JsonNode body) {}

  private final HttpServer server;
  private final BlockingQueue<ObjectNode> legs = new LinkedBlockingQueue<>();
  private final AtomicInteger agents = new AtomicInteger();
  public final List<Report> reports = new CopyOnWriteArrayList<>();
  public final Map<String, List<String>> progressLines = new ConcurrentHashMap<>();
  public final Map<String, List<String>> steps = new ConcurrentHashMap<>();
  public final AtomicInteger heartbeats = new AtomicInteger();
  private final java.util.Set<String> known = ConcurrentHashMap.newKeySet();

  /** Forgets every registered agent, as a gateway restarted on a fresh store would. */
  public void forgetAgents() {
    known.clear();
  }

  static {
    // answer without Nagle's delay, as the real gateway (Vert.x) does: else a report waits ~40 ms
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  public StandInGateway() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Queues a leg of {@code run} for {@code entry} under {@code trigger}. */
  public String offer(String run, LinuxEntry entry, Trigger trigger) {
    return offer(run, entry, trigger, "backend");
  }

  /** Queues a leg of {@code pipeline} (e.g. {@code root-image}). */
  public String offer(String run, LinuxEntry entry, Trigger trigger, String pipeline) {
    ObjectNode leg = JSON.createObjectNode();
    String legId = entry.legKey().toString();
    leg.put("leg", run + ":" + legId);
    leg.put("runId", run);
    leg.put("legId", legId);
    leg.put("pipeline", pipeline);
    leg.put("runnerClass", entry.runsOn());
    leg.put("mergeGroup", entry.tagSuffixRaw());
    leg.put("darwin", false);
    ObjectNode fields = leg.putObject("fields");
    entry.fields().forEach((k, v) -> fields.put(k, v.asString()));
    ObjectNode t = leg.putObject("trigger");
    t.put("kind", trigger.kind().name());
    t.put("repository", trigger.repository().fullName());
    t.put("ref", trigger.ref());
    t.put("sha", trigger.sha().value());
    if (trigger.isPullRequest()) {
      t.put("prNumber", trigger.prNumber());
      t.put("baseSha", trigger.baseSha().value());
      t.put("headSha", trigger.headSha().value());
    }
    t.put("fork", trigger.fork());
    t.put("forceAll", false);
    leg.put("concurrencyGroup", "g");
    leg.put("leaseUntil", Instant.now().plusSeconds(60).toString());
    leg.put("attempt", 1);
    legs.add(leg);
    return run + ":" + legId;
  }

  /** Waits for a report of {@code leg}. */
  public Report awaitReport(String leg, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      for (Report r : reports) {
        if (r.leg().equals(leg)) {
          return r;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no report of " + leg + " within " + timeout + "; got " + reports);
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      String path = ex.getRequestURI().getRawPath();
      byte[] in = ex.getRequestBody().readAllBytes();
      JsonNode body = in.length == 0 ? JSON.createObjectNode() : JSON.readTree(in);
      String[] parts = path.split("/");
      if (path.equals("/v1/agents/register")) {
        String id = "a" + agents.incrementAndGet();
        known.add(id);
        reply(ex, 201, "{\"agentId\":\"" + id + "\",\"leaseSeconds\":6,\"maxWaitSeconds\":1}");
      } else if (parts.length > 3 && !known.contains(parts[3])) {
        reply(ex, 404, "{\"title\":\"Not found\",\"detail\":\"unknown agent\"}");
      } else if (path.endsWith("/heartbeat")) {
        heartbeats.incrementAndGet();
        reply(ex, 200, "{\"leasesExtended\":0}");
      } else if (path.endsWith("/claim")) {
        ObjectNode leg = legs.poll(body.path("waitSeconds").asLong(1), TimeUnit.SECONDS);
        if (leg != null && !known.contains(parts[3])) {
          // forgotten while waiting: the leg stays for an agent the gateway knows
          legs.add(leg);
          reply(ex, 404, "{\"title\":\"Not found\",\"detail\":\"unknown agent\"}");
        } else if (leg == null) {
          ex.sendResponseHeaders(204, -1);
          ex.close();
        } else {
          reply(ex, 200, JSON.writeValueAsString(leg));
        }
      } else if (parts.length == 7 && parts[4].equals("legs")) {
        String agent = parts[3];
        String leg = URLDecoder.decode(parts[5], StandardCharsets.UTF_8);
        String kind = parts[6];
        if (kind.equals("progress")) {
          body.path("lines")
              .forEach(
                  l ->
                      progressLines
                          .computeIfAbsent(leg, k -> new CopyOnWriteArrayList<>())
                          .add(l.asText()));
          if (body.hasNonNull("step")) {
            steps
                .computeIfAbsent(leg, k -> new CopyOnWriteArrayList<>())
                .add(body.get("step").asText());
          }
          reply(ex, 200, "{\"leaseExtended\":true}");
        } else {
          reports.add(new Report(agent, leg, kind, body));
          reply(ex, 200, "{\"recorded\":true}");
        }
      } else {
        reply(ex, 404, "{\"title\":\"Not found\"}");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ex.close();
    }
  }

  private static void reply(HttpExchange ex, int status, String json) throws IOException {
    byte[] out = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, out.length);
    ex.getResponseBody().write(out);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
