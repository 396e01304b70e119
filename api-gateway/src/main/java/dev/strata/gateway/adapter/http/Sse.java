package dev.strata.gateway.adapter.http;

import dev.strata.domain.run.api.RunEvent;
import dev.strata.gateway.core.RunBoard;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BiConsumer;

/**
 * Server-sent events: opens a stream, forwards board events to it on the request's event loop,
 * keeps it alive with comments, and unsubscribes when the client goes away.
 */
final class Sse {
  private static final long KEEPALIVE_MS = 15_000;

  private Sse() {}

  /** Writes the stream headers. */
  static void open(RoutingContext rc) {
    rc.response()
        .setStatusCode(200)
        .setChunked(true)
        .putHeader("Content-Type", "text/event-stream")
        .putHeader("Cache-Control", "no-cache")
        .write(": open\n\n");
  }

  /** Writes one event. */
  static void send(HttpServerResponse response, String event, long id, String json) {
    if (response.ended() || response.closed()) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    if (id >= 0) {
      sb.append("id: ").append(id).append('\n');
    }
    sb.append("event: ").append(event).append('\n').append("data: ").append(json).append("\n\n");
    response.write(sb.toString());
  }

  /**
   * Subscribes {@code onEvent} to the board until the response closes; {@code onEvent} runs on the
   * request's event loop.
   */
  static AutoCloseable follow(
      RoutingContext rc, RunBoard board, BiConsumer<RunEvent, Long> onEvent) {
    Context context = rc.vertx().getOrCreateContext();
    AutoCloseable subscription =
        board.subscribe((e, seq) -> context.runOnContext(v -> onEvent.accept(e, seq)));
    long timer =
        rc.vertx()
            .setPeriodic(
                KEEPALIVE_MS,
                id -> {
                  if (!rc.response().ended() && !rc.response().closed()) {
                    rc.response().write(": keepalive\n\n");
                  }
                });
    Runnable stop =
        () -> {
          rc.vertx().cancelTimer(timer);
          close(subscription);
        };
    rc.response().closeHandler(v -> stop.run());
    rc.response().endHandler(v -> stop.run());
    return stop::run;
  }

  static void close(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
