package dev.strata.runtime.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process HTTP server scripted per test, for the behaviours a real registry will not show on
 * demand (429 with Retry-After, a Basic-only registry, a token endpoint that counts its calls).
 */
final class FakeRegistry implements AutoCloseable {
  interface Route {
    void handle(HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  final List<String> requests = new CopyOnWriteArrayList<>();

  FakeRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.start();
  }

  String host() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  FakeRegistry route(String prefix, Route route) {
    server.createContext(
        prefix,
        exchange -> {
          String auth = exchange.getRequestHeaders().getFirst("Authorization");
          requests.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI()
                  + (auth == null ? "" : " [" + auth + "]"));
          try {
            route.handle(exchange);
          } finally {
            exchange.close();
          }
        });
    return this;
  }

  long count(String fragment) {
    return requests.stream().filter(r -> r.contains(fragment)).count();
  }

  static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (bytes.length == 0 || exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
