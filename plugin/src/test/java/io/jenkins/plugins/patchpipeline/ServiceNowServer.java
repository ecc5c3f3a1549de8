package io.jenkins.plugins.patchpipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.patchpipeline.engine.core.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The ServiceNow Table API for one change request on 127.0.0.1: {@code GET
 * /api/now/table/change_request?sysparm_query=number=...} finds it, and {@code PATCH
 * /api/now/table/change_request/{sys_id}} sets its {@code state} and appends {@code work_notes}. A
 * request without the expected {@code Authorization} header gets 401; other numbers find nothing.
 */
final class ServiceNowServer implements AutoCloseable {
  static final String SYS_ID = "0123456789abcdef0123456789abcdef";

  /** One PATCH as received: the state it set (empty when none) and its work note. */
  record Update(String state, String workNote) {}

  private final HttpServer server;
  private final String authorization;
  private final String number;
  private final List<Update> updates = Collections.synchronizedList(new ArrayList<>());
  private volatile String state = "-2";

  ServiceNowServer(String authorization, String number) throws IOException {
    this.authorization = authorization;
    this.number = number;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Update> updates() {
    return List.copyOf(updates);
  }

  String state() {
    return state;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    byte[] body = exchange.getRequestBody().readAllBytes();
    if (!authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      respond(exchange, 401, "{\"error\":{\"message\":\"User Not Authenticated\"}}");
    } else if ("GET".equals(method) && path.equals("/api/now/table/change_request")) {
      String query = exchange.getRequestURI().getRawQuery();
      boolean found =
          URLDecoder.decode(query, StandardCharsets.UTF_8)
              .contains("sysparm_query=number=" + number);
      respond(
          exchange,
          200,
          found
              ? "{\"result\":[{\"sys_id\":\""
                  + SYS_ID
                  + "\",\"number\":\""
                  + number
                  + "\",\"state\":\""
                  + state
                  + "\"}]}"
              : "{\"result\":[]}");
    } else if ("PATCH".equals(method) && path.equals("/api/now/table/change_request/" + SYS_ID)) {
      JsonNode json = Json.mapper().readTree(body);
      String set = json.path("state").asText("");
      if (!set.isEmpty()) {
        state = set;
      }
      updates.add(new Update(set, json.path("work_notes").asText("")));
      respond(exchange, 200, "{\"result\":{\"sys_id\":\"" + SYS_ID + "\"}}");
    } else {
      respond(exchange, 404, "{\"error\":{\"message\":\"No Record found\"}}");
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
