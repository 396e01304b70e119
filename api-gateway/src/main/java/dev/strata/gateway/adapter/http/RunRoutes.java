package dev.strata.gateway.adapter.http;

import dev.strata.domain.run.api.CancelRun;
import dev.strata.domain.run.api.RunCancelled;
import dev.strata.domain.run.api.RunCompleted;
import dev.strata.domain.run.api.RunEvent;
import dev.strata.domain.run.api.RunState;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.gateway.core.Commands;
import dev.strata.gateway.core.EventLog;
import dev.strata.gateway.core.EventLog.StoredEvent;
import dev.strata.gateway.core.NotFound;
import dev.strata.gateway.core.RunBoard;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/** Run status: list, one run, its events (JSON or live SSE), cancel. */
final class RunRoutes {
  private static final int DEFAULT_LIMIT = 50;
  private static final Duration PROJECTION_WAIT = Duration.ofSeconds(5);

  private final RunBoard board;
  private final EventLog log;
  private final Commands commands;
  private final Executor blocking;
  private final Clock clock;
  private final Map<RunId, Rendered> rendered = new ConcurrentHashMap<>();

  private record Rendered(long version, Buffer json) {}

  RunRoutes(RunBoard board, EventLog log, Commands commands, Executor blocking, Clock clock) {
    this.board = board;
    this.log = log;
    this.commands = commands;
    this.blocking = blocking;
    this.clock = clock;
  }

  void list(RoutingContext rc) {
    String state = rc.queryParams().get("state");
    String limit = rc.queryParams().get("limit");
    var runs =
        board.list(
            state == null ? null : RunState.valueOf(state),
            rc.queryParams().get("branch"),
            limit == null ? DEFAULT_LIMIT : Integer.parseInt(limit));
    Replies.json(rc, 200, Map.of("runs", runs));
  }

  void get(RoutingContext rc) {
    RunId runId = runId(rc);
    if (board.version(runId) >= 0) {
      render(rc, runId);
      return;
    }
    // Read your writes: a run whose trigger was just accepted may not be in this process's
    // projection yet (it follows the event log a few milliseconds behind). If the log has the
    // run, wait for the projection briefly instead of answering 404.
    Replies.when(
        rc,
        CompletableFuture.supplyAsync(() -> awaitProjected(runId), blocking),
        projected -> render(rc, runId));
  }

  private boolean awaitProjected(RunId runId) {
    if (log.read(runId).isEmpty()) {
      throw new NotFound("Run " + runId + " does not exist");
    }
    long deadline = System.nanoTime() + PROJECTION_WAIT.toNanos();
    while (board.version(runId) < 0) {
      if (System.nanoTime() > deadline) {
        throw new HttpException(503, "Run " + runId + " is recorded but not projected yet");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new HttpException(503, "Interrupted while waiting for run " + runId);
      }
    }
    return true;
  }

  private void render(RoutingContext rc, RunId runId) {
    long version = board.version(runId);
    Rendered cached = rendered.get(runId);
    if (cached == null || cached.version() != version) {
      var view = board.view(runId).orElseThrow(() -> new NotFound("Run " + runId + " vanished"));
      cached = new Rendered(view.version(), ApiJson.buffer(view));
      rendered.put(runId, cached);
    }
    Replies.json(rc, 200, cached.json());
  }

  void events(RoutingContext rc) {
    RunId runId = runId(rc);
    String accept = rc.request().getHeader("Accept");
    if (accept != null && accept.contains("text/event-stream")) {
      stream(rc, runId);
      return;
    }
    Replies.when(
        rc,
        read(runId),
        events -> Replies.json(rc, 200, Map.of("runId", runId.value(), "events", events)));
  }

  private CompletableFuture<List<StoredEvent>> read(RunId runId) {
    return CompletableFuture.supplyAsync(() -> log.read(runId), blocking)
        .thenApply(
            events -> {
              if (events.isEmpty()) {
                throw new NotFound("Run " + runId + " does not exist");
              }
              return events;
            });
  }

  private void stream(RoutingContext rc, RunId runId) {
    List<Object[]> early = new ArrayList<>();
    long[] last = {-1};
    boolean[] live = {false};
    AutoCloseable[] follow = new AutoCloseable[1];
    follow[0] =
        Sse.follow(
            rc,
            board,
            (e, seq) -> {
              if (!e.runId().equals(runId)) {
                return;
              }
              if (!live[0]) {
                early.add(new Object[] {e, seq});
              } else {
                forward(rc, e, seq, last, follow[0]);
              }
            });
    read(runId)
        .whenComplete(
            (events, err) ->
                rc.vertx()
                    .runOnContext(
                        v -> {
                          if (err != null) {
                            Sse.close(follow[0]);
                            rc.fail(err);
                            return;
                          }
                          Sse.open(rc);
                          for (StoredEvent s : events) {
                            Sse.send(rc.response(), s.type(), s.sequence(), ApiJson.string(s));
                            last[0] = s.sequence();
                          }
                          live[0] = true;
                          for (Object[] pending : early) {
                            forward(rc, (RunEvent) pending[0], (Long) pending[1], last, follow[0]);
                          }
                          if (ended(events)) {
                            rc.response().end();
                          }
                        }));
  }

  private static boolean ended(List<StoredEvent> events) {
    Object payload = events.get(events.size() - 1).payload();
    return payload instanceof RunCompleted || payload instanceof RunCancelled;
  }

  private static void forward(
      RoutingContext rc, RunEvent e, long seq, long[] last, AutoCloseable follow) {
    if (seq <= last[0] || rc.response().ended()) {
      return;
    }
    last[0] = seq;
    StoredEvent s = new StoredEvent(seq, e.getClass().getSimpleName(), e.at(), e);
    Sse.send(rc.response(), s.type(), seq, ApiJson.string(s));
    if (e instanceof RunCompleted || e instanceof RunCancelled) {
      Sse.close(follow);
      rc.response().end();
    }
  }

  void cancel(RoutingContext rc) {
    RunId runId = runId(rc);
    JsonObject body = rc.body().isEmpty() ? new JsonObject() : rc.body().asJsonObject();
    String reason = body.getString("reason", "cancelled by an administrator through the API");
    Replies.when(
        rc,
        commands.send(new CancelRun(runId, reason, "user:admin", clock.instant())),
        ok ->
            Replies.json(
                rc, 200, Map.of("runId", runId.value(), "state", "CANCELLED", "reason", reason)));
  }

  private static RunId runId(RoutingContext rc) {
    return BadRequest.parse("runId", rc.pathParam("runId"), RunId::of);
  }
}
