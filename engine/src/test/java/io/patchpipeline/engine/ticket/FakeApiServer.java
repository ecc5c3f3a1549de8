package io.patchpipeline.engine.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.patchpipeline.engine.core.Json;
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
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on 127.0.0.1 that implements part of a ticket API with state, counts the requests
 * it receives, checks the {@code Authorization} header, and misbehaves on request: the next request
 * matching a method and path prefix can get a 429 with {@code Retry-After}, a 503, a late response,
 * or a dropped connection after or before the server processed it.
 */
abstract class FakeApiServer implements AutoCloseable {
  /** A misbehaviour for the next matching request. */
  enum Fault {
    TOO_MANY_REQUESTS,
    UNAVAILABLE,
    SLOW,
    DROP_AFTER_PROCESSING
  }

  private record Armed(String method, String pathPrefix, Fault fault) {}

  /** One request as received, for scans and counts. */
  record Received(String method, String path, String query, String body) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final Deque<Armed> faults = new ConcurrentLinkedDeque<>();
  private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger searches = new AtomicInteger();
  private final AtomicInteger writes = new AtomicInteger();
  private final String expectedAuthorization;
  volatile long slowMillis = 3000;

  FakeApiServer(String expectedAuthorization) throws IOException {
    this.expectedAuthorization = expectedAuthorization;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::dispatch);
    server.setExecutor(executor);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Arms {@code fault} for the next request with {@code method} whose path starts with prefix. */
  void failNext(String method, String pathPrefix, Fault fault) {
    faults.add(new Armed(method, pathPrefix, fault));
  }

  /** Returns how many armed faults have not fired yet. */
  int pendingFaults() {
    return faults.size();
  }

  int searches() {
    return searches.get();
  }

  int writes() {
    return writes.get();
  }

  int requests() {
    return received.size();
  }

  List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  void resetCounters() {
    searches.set(0);
    writes.set(0);
    received.clear();
  }

  /** Handles one well-behaved request; returns the status and sets the body. */
  abstract Response handle(Request request) throws IOException;

  /** Returns whether the request is a search, for the counters. */
  abstract boolean isSearch(Request request);

  record Request(
      String method, String path, String query, JsonNode json, byte[] body, HttpExchange exchange) {
    String header(String name) {
      String value = exchange.getRequestHeaders().getFirst(name);
      return value == null ? "" : value;
    }

    String param(String name) {
      if (query == null) {
        return "";
      }
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).equals(name)) {
          return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
      }
      return "";
    }
  }

  record Response(int status, JsonNode body) {
    static Response of(int status, JsonNode body) {
      return new Response(status, body);
    }
  }

  static ObjectNode object() {
    return Json.mapper().createObjectNode();
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String method = exchange.getRequestMethod();
      URI uri = exchange.getRequestURI();
      String text = new String(body, StandardCharsets.UTF_8);
      received.add(new Received(method, uri.getPath(), uri.getRawQuery(), text));
      if (!expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        send(exchange, 401, unauthorized());
        return;
      }
      JsonNode json = null;
      String type = exchange.getRequestHeaders().getFirst("Content-Type");
      if (body.length > 0 && type != null && type.startsWith("application/json")) {
        json = Json.mapper().readTree(body);
      }
      Request request = new Request(method, uri.getPath(), uri.getRawQuery(), json, body, exchange);
      Fault fault = takeFault(method, uri.getPath());
      if (fault == Fault.TOO_MANY_REQUESTS) {
        exchange.getResponseHeaders().add("Retry-After", "1");
        send(exchange, 429, object().put("message", "Rate limit exceeded"));
        return;
      }
      if (fault == Fault.UNAVAILABLE) {
        send(exchange, 503, object().put("message", "Service Unavailable"));
        return;
      }
      if (isSearch(request)) {
        searches.incrementAndGet();
      } else if (!method.equals("GET")) {
        writes.incrementAndGet();
      }
      Response response = handle(request);
      if (fault == Fault.DROP_AFTER_PROCESSING) {
        return; // closes the connection without a response
      }
      if (fault == Fault.SLOW) {
        Thread.sleep(slowMillis);
      }
      send(exchange, response.status(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      send(exchange, 500, object().put("message", String.valueOf(e)));
    }
  }

  private static ObjectNode unauthorized() {
    ObjectNode node = object();
    node.putArray("errorMessages").add("You are not authenticated.");
    return node;
  }

  private Fault takeFault(String method, String path) {
    for (Armed armed : faults) {
      if (armed.method().equals(method) && path.startsWith(armed.pathPrefix())) {
        faults.remove(armed);
        return armed.fault();
      }
    }
    return null;
  }

  private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    if (body == null) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    byte[] bytes = Json.mapper().writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
