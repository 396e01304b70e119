package dev.strata.gateway.it;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One page of a headless Chromium driven over the DevTools protocol: navigate, evaluate script in
 * the page (to read the DOM as the page's own script left it), close. Used where {@code --dump-dom}
 * cannot wait: it dumps at the load event, before a live event stream delivers.
 */
final class DevToolsPage implements AutoCloseable {
  private static final Pattern LISTENING =
      Pattern.compile("DevTools listening on ws://[^:]+:(\\d+)/");

  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonObject>> calls = new ConcurrentHashMap<>();

  private DevToolsPage(Process process, WebSocket socket) {
    this.process = process;
    this.socket = socket;
  }

  static DevToolsPage open(Path chromium, List<String> flags, Path profile) throws Exception {
    List<String> command = new ArrayList<>(List.of(chromium.toString()));
    command.addAll(flags);
    command.addAll(
        List.of("--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank"));
    Process process =
        new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      int port = devToolsPort(process);
      HttpClient http = HttpClient.newHttpClient();
      String list =
          http.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      String url = null;
      for (Object o : new JsonArray(list)) {
        JsonObject target = (JsonObject) o;
        if ("page".equals(target.getString("type"))) {
          url = target.getString("webSocketDebuggerUrl");
        }
      }
      if (url == null) {
        throw new IllegalStateException("Chromium lists no page target: " + list);
      }
      Receiver receiver = new Receiver();
      WebSocket socket =
          http.newWebSocketBuilder()
              .buildAsync(URI.create(url), receiver)
              .get(10, TimeUnit.SECONDS);
      DevToolsPage page = new DevToolsPage(process, socket);
      receiver.page = page;
      return page;
    } catch (Exception e) {
      process.destroyForcibly();
      throw e;
    }
  }

  private static int devToolsPort(Process process) throws Exception {
    CompletableFuture<Integer> port = new CompletableFuture<>();
    StringBuilder seen = new StringBuilder();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  Matcher m = LISTENING.matcher(line);
                  if (m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                  } else if (!port.isDone()) {
                    seen.append(line).append('\n');
                  }
                }
              } catch (Exception e) {
                port.completeExceptionally(e);
              }
              port.completeExceptionally(
                  new IllegalStateException("Chromium exited before DevTools listened:\n" + seen));
            },
            "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
    return port.get(30, TimeUnit.SECONDS);
  }

  /** Calls DevTools method {@code method}; returns its {@code result}. */
  JsonObject call(String method, JsonObject params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonObject> reply = new CompletableFuture<>();
    calls.put(id, reply);
    socket
        .sendText(
            new JsonObject().put("id", id).put("method", method).put("params", params).encode(),
            true)
        .get(10, TimeUnit.SECONDS);
    JsonObject message = reply.get(30, TimeUnit.SECONDS);
    if (message.containsKey("error")) {
      throw new IllegalStateException(method + " failed: " + message.getJsonObject("error"));
    }
    return message.getJsonObject("result");
  }

  void navigate(String url) throws Exception {
    call("Page.navigate", new JsonObject().put("url", url));
  }

  /** Evaluates {@code expression} in the page; returns its value as a string. */
  String evaluate(String expression) throws Exception {
    JsonObject result =
        call(
            "Runtime.evaluate",
            new JsonObject().put("expression", expression).put("returnByValue", true));
    Object value = result.getJsonObject("result").getValue("value");
    return value == null ? "" : value.toString();
  }

  /** Polls {@code expression} until it is "true", up to {@code timeout}. */
  void waitFor(String what, String expression, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!"true".equals(evaluate(expression))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out waiting in the page for " + what);
      }
      Thread.sleep(100);
    }
  }

  @Override
  public void close() {
    socket.abort();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static final class Receiver implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();
    volatile DevToolsPage page;

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        JsonObject message = new JsonObject(text.toString());
        text.setLength(0);
        Integer id = message.getInteger("id");
        if (id != null && page != null) {
          CompletableFuture<JsonObject> reply = page.calls.remove(id);
          if (reply != null) {
            reply.complete(message);
          }
        }
      }
      ws.request(1);
      return null;
    }
  }
}
