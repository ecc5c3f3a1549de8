package io.patchpipeline.engine.verify.vm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.patchpipeline.engine.core.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A DefectDojo API v2 findings endpoint on 127.0.0.1 as its documentation describes it: token
 * authentication, list filters {@code vulnerability_id}, {@code component_name} (substring match)
 * and {@code active}, pages of two with a {@code next} link, and partial updates that reject a
 * finding both active and mitigated.
 */
public final class FakeDefectDojo implements AutoCloseable {
  public static final String TOKEN = "dojo-api-key-0123456789";

  public final Map<Long, ObjectNode> findings = new LinkedHashMap<>();
  public final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());

  /** A scripted failure, returned in place of handling the next request. */
  public record Failure(int status, String retryAfter, String body) {}

  /** Scripted failures, one returned per request, before requests are handled again. */
  public final java.util.Deque<Failure> failures =
      new java.util.concurrent.ConcurrentLinkedDeque<>();

  private final HttpServer server;

  public FakeDefectDojo() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/v2/findings/", this::handle);
    server.start();
  }

  public URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  public void add(long id, String cve, String component, boolean active) {
    ObjectNode finding = Json.mapper().createObjectNode();
    finding
        .put("id", id)
        .put("component_name", component)
        .put("active", active)
        .put("is_mitigated", false);
    finding.putArray("vulnerability_ids").addObject().put("vulnerability_id", cve);
    findings.put(id, finding);
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
    Failure failure = failures.poll();
    if (failure != null) {
      if (!failure.retryAfter().isEmpty()) {
        exchange.getResponseHeaders().set("Retry-After", failure.retryAfter());
      }
      reply(exchange, failure.status(), failure.body());
      return;
    }
    if (!("Token " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      reply(exchange, 401, "{\"detail\": \"Invalid token.\"}");
      return;
    }
    String path = exchange.getRequestURI().getPath();
    if ("GET".equals(exchange.getRequestMethod()) && path.equals("/api/v2/findings/")) {
      list(exchange);
    } else if ("PATCH".equals(exchange.getRequestMethod())
        && path.matches("/api/v2/findings/\\d+/")) {
      patch(
          exchange,
          Long.parseLong(path.substring("/api/v2/findings/".length(), path.length() - 1)));
    } else {
      reply(exchange, 405, "{\"detail\": \"Method not allowed.\"}");
    }
  }

  private void list(HttpExchange exchange) throws IOException {
    Map<String, String> query = query(exchange.getRequestURI());
    List<ObjectNode> matches = new ArrayList<>();
    for (ObjectNode finding : findings.values()) {
      boolean cve =
          finding
              .get("vulnerability_ids")
              .findValuesAsText("vulnerability_id")
              .contains(query.get("vulnerability_id"));
      boolean component =
          finding
              .get("component_name")
              .asText()
              .toLowerCase(Locale.ROOT)
              .contains(query.getOrDefault("component_name", "").toLowerCase(Locale.ROOT));
      boolean active =
          !query.containsKey("active")
              || finding.get("active").asBoolean() == Boolean.parseBoolean(query.get("active"));
      if (cve && component && active) {
        matches.add(finding);
      }
    }
    int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
    ObjectNode page = Json.mapper().createObjectNode().put("count", matches.size());
    ArrayNode results = page.putArray("results");
    matches.stream().skip(offset).limit(2).forEach(results::add);
    if (offset + 2 < matches.size()) {
      page.put(
          "next",
          base()
              + "api/v2/findings/?"
              + exchange.getRequestURI().getRawQuery().replaceAll("&offset=\\d+", "")
              + "&offset="
              + (offset + 2));
    } else {
      page.putNull("next");
    }
    reply(exchange, 200, page.toString());
  }

  private void patch(HttpExchange exchange, long id) throws IOException {
    ObjectNode finding = findings.get(id);
    if (finding == null) {
      reply(exchange, 404, "{\"detail\": \"Not found.\"}");
      return;
    }
    JsonNode body = Json.mapper().readTree(exchange.getRequestBody());
    if (body.has("mitigated") && !isDateTime(body.get("mitigated").asText())) {
      reply(
          exchange,
          400,
          "{\"mitigated\": [\"Datetime has wrong format. Use one of these formats instead:"
              + " YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].\"]}");
      return;
    }
    if (body.path("active").asBoolean(false) && body.path("is_mitigated").asBoolean(false)) {
      reply(exchange, 400, "{\"non_field_errors\": [\"Active findings cannot be mitigated.\"]}");
      return;
    }
    body.fields().forEachRemaining(field -> finding.set(field.getKey(), field.getValue()));
    reply(exchange, 200, finding.toString());
  }

  private static boolean isDateTime(String text) {
    try {
      java.time.OffsetDateTime.parse(text);
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> query = new LinkedHashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] parts = pair.split("=", 2);
        query.put(
            URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
            parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
      }
    }
    return query;
  }

  static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
