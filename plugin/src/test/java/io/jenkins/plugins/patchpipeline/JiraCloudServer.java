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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Jira Cloud REST API v3 server on 127.0.0.1: {@code POST /rest/api/3/issue} creates {@code
 * SEC-1}, {@code SEC-2}, ..., and {@code POST /rest/api/3/search/jql} finds the created issues that
 * carry a label of the query's {@code labels in (...)} clause. A request without the expected
 * {@code Authorization} header gets 401. When {@link #rejectCreates} is set, creates get 400 with
 * an error that echoes the header, as a careless proxy might, so that tests see whether the secret
 * is redacted. {@code POST /rest/api/3/issue/KEY/comment} adds a comment, or gets the same kind of
 * 400 when {@link #rejectComments} is set. It returns the current user ({@code GET
 * /rest/api/3/myself}) and the project {@code SEC}, and accepts an issue's transitions (one, {@code
 * Done}) and attachments.
 */
final class JiraCloudServer implements AutoCloseable {
  private final HttpServer server;
  private final String authorization;
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
  private final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, String> labels = Collections.synchronizedMap(new LinkedHashMap<>());
  private volatile boolean rejectCreates;
  private volatile boolean rejectComments;
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

  /** Returns the bodies of all requests received, in order. */
  List<String> bodies() {
    return List.copyOf(bodies);
  }

  void rejectCreates() {
    rejectCreates = true;
  }

  void rejectComments() {
    rejectComments = true;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    requests.add(method + " " + path);
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    bodies.add(body);
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
      respond(exchange, 200, search(body));
    } else if ("POST".equals(method) && path.equals("/rest/api/3/issue") && rejectCreates) {
      respond(exchange, 400, "{\"errorMessages\":[\"rejected " + given + "\"]}");
    } else if ("POST".equals(method) && path.equals("/rest/api/3/issue")) {
      int number = next();
      labels.put("SEC-" + number, body);
      respond(
          exchange, 201, "{\"id\":\"" + (10000 + number) + "\",\"key\":\"SEC-" + number + "\"}");
    } else if ("POST".equals(method) && path.matches("/rest/api/3/issue/SEC-\\d+/comment")) {
      respond(
          exchange,
          rejectComments ? 400 : 201,
          rejectComments ? "{\"errorMessages\":[\"rejected " + given + "\"]}" : "{\"id\":\"1\"}");
    } else if ("GET".equals(method) && path.matches("/rest/api/3/issue/[^/]+/transitions")) {
      respond(exchange, 200, "{\"transitions\":[{\"id\":\"31\",\"name\":\"Done\"}]}");
    } else if ("POST".equals(method) && path.matches("/rest/api/3/issue/[^/]+/transitions")) {
      respond(exchange, 204, "");
    } else if ("POST".equals(method) && path.matches("/rest/api/3/issue/[^/]+/attachments")) {
      respond(exchange, 200, "[{\"id\":\"1\"}]");
    } else {
      respond(exchange, 404, "{\"errorMessages\":[\"No such resource\"]}");
    }
  }

  /** Returns the created issues whose create body names a label of the query, without fields. */
  private String search(String body) {
    Matcher clause = Pattern.compile("labels in \\(([^)]*)\\)").matcher(body);
    List<String> found = new ArrayList<>();
    if (clause.find()) {
      for (String quoted : clause.group(1).split(",")) {
        String label = quoted.replace("\\\"", "").trim();
        labels.forEach(
            (key, create) -> {
              if (create.contains("\"" + label + "\"") && !found.contains(key)) {
                found.add(key);
              }
            });
      }
    }
    StringBuilder issues = new StringBuilder();
    for (String key : found) {
      String labelList = labelsOf(labels.get(key));
      issues
          .append(issues.length() == 0 ? "" : ",")
          .append("{\"id\":\"1")
          .append(key.substring(4))
          .append("\",\"key\":\"")
          .append(key)
          .append("\",\"fields\":{\"labels\":")
          .append(labelList)
          .append("}}");
    }
    return "{\"issues\":[" + issues + "],\"isLast\":true}";
  }

  private static String labelsOf(String create) {
    Matcher list = Pattern.compile("\"labels\"\\s*:\\s*(\\[[^\\]]*\\])").matcher(create);
    return list.find() ? list.group(1) : "[]";
  }

  private synchronized int next() {
    return ++created;
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
