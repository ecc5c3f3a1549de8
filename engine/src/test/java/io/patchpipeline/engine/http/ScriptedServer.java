package io.patchpipeline.engine.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;

/** An HTTP server on 127.0.0.1 that returns a scripted list of responses. */
final class ScriptedServer implements AutoCloseable {
  /**
   * A scripted response. Status 0 drops the connection, and {@code delayMillis} delays the
   * response.
   */
  record Answer(int status, Map<String, String> headers, String body, long delayMillis) {
    static Answer of(int status) {
      return new Answer(status, Map.of(), "{}", 0);
    }

    static Answer of(int status, String body) {
      return new Answer(status, Map.of(), body, 0);
    }

    static Answer retryAfter(int status, String value) {
      return new Answer(status, Map.of("Retry-After", value), "{}", 0);
    }

    static Answer drop() {
      return new Answer(0, Map.of(), "", 0);
    }

    static Answer slow(long millis) {
      return new Answer(200, Map.of(), "{}", millis);
    }
  }

  /** A received request. */
  record Seen(String method, Map<String, List<String>> headers, String body) {}

  private final HttpServer server;
  private final Deque<Answer> script = new ConcurrentLinkedDeque<>();
  private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());

  ScriptedServer(Answer... answers) throws IOException {
    script.addAll(List.of(answers));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(
                new Seen(
                    exchange.getRequestMethod(), Map.copyOf(exchange.getRequestHeaders()), body));
            Answer answer = script.isEmpty() ? Answer.of(200) : script.poll();
            if (answer.status() == 0) {
              return;
            }
            Thread.sleep(answer.delayMillis());
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
              try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
              }
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    server.start();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  List<Seen> seen() {
    synchronized (seen) {
      return List.copyOf(seen);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
