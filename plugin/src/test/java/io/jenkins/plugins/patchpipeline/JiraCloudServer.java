package io.jenkins.plugins.patchpipeline;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A Jira Cloud REST API v3 server on 127.0.0.1 with no issues: {@code POST /rest/api/3/search/jql}
 * finds nothing and {@code POST /rest/api/3/issue} creates {@code SEC-1}, {@code SEC-2}, ... It
 * knows the current user ({@code GET /rest/api/3/myself}) and the project {@code SEC}. A request
 * without the expected {@code Authorization} header gets 401. When {@link #rejectCreates} is set,
 * creates get 400 with an error that echoes the header, as a careless proxy might, so that tests
 * see whether the secret is redacted.
 */
final class JiraCloudServer implements AutoCloseable {
  private final HttpServer server;
  private final String authorization;
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean rejectCreates;
  private int created;

  JiraCloudServer(String authorization) throws IOException {
    this.authorization = authorization;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<String> requests() {
    return List.copyOf(requests);
  }

  /** Returns the {@code Authorization} header of each request, an empty text where it had none. */
  List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  void rejectCreates() {
    rejectCreates = true;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    requests.add(method + " " + path);
    exchange.getRequestBody().readAllBytes();
    String given = exchange.getRequestHeaders().getFirst("Authorization");
    authorizations.add(given == null ? "" : given);
    if (!authorization.equals(given)) {
      respond(exchange, 401, "{\"errorMessages\":[\"Unauthorized\"]}");
    } else if ("GET".equals(method) && path.equals("/rest/api/3/myself")) {
      respond(
          exchange,
          200,
          "{\"accountId\":\"5b10ac8d82e05b22cc7d4ef5\",\"displayName\":\"Patch Bot\"}");
    } else if ("GET".equals(method) && path.equals("/rest/api/3/project/SEC")) {
      respond(exchange, 200, "{\"id\":\"10000\",\"key\":\"SEC\",\"name\":\"Security\"}");
    } else if ("GET".equals(method) && path.startsWith("/rest/api/3/project/")) {
      respond(exchange, 404, "{\"errorMessages\":[\"No project could be found with key.\"]}");
    } else if ("POST".equals(method) && path.equals("/rest/api/3/search/jql")) {
      respond(exchange, 200, "{\"issues\":[],\"isLast\":true}");
    } else if ("POST".equals(method) && path.equals("/rest/api/3/issue") && rejectCreates) {
      respond(exchange, 400, "{\"errorMessages\":[\"rejected " + given + "\"]}");
    } else if ("POST".equals(method) && path.equals("/rest/api/3/issue")) {
      int number = next();
      respond(
          exchange, 201, "{\"id\":\"" + (10000 + number) + "\",\"key\":\"SEC-" + number + "\"}");
    } else {
      respond(exchange, 404, "{\"errorMessages\":[\"No such resource\"]}");
    }
  }

  private synchronized int next() {
    return ++created;
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
