package dev.strata.gateway.adapter.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Small helpers the handlers share: bridging futures back to the event loop, writing JSON. */
final class Replies {
  private Replies() {}

  /** Runs {@code then} on the request's event loop once {@code work} succeeds; fails it else. */
  static <T> void when(RoutingContext rc, CompletableFuture<T> work, Consumer<T> then) {
    Future.fromCompletionStage(work, rc.vertx().getOrCreateContext())
        .onSuccess(then::accept)
        .onFailure(rc::fail);
  }

  static void json(RoutingContext rc, int status, Object body) {
    json(rc, status, ApiJson.buffer(body));
  }

  static void json(RoutingContext rc, int status, Buffer body) {
    rc.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
  }
}
