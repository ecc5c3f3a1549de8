package io.patchpipeline.engine.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ServiceNow Table API, the parts Patch Pipeline uses: {@code GET /api/now/table/{table}} with
 * {@code sysparm_query} ({@code correlation_idIN...}), {@code sysparm_limit} and {@code
 * sysparm_offset}; create by POST, update by PATCH with {@code work_notes} kept as a journal; and
 * {@code POST /api/now/attachment/file}. A record without {@code short_description} fails with a
 * data policy error, as the default incident data policy does. For {@code change_request}, a query
 * {@code number=...} or {@code sys_id=...} finds a change request that {@link #addChangeRequest}
 * seeded, and {@code state} accepts the values of the change state model (-5 to 0, 3 and 4).
 */
final class FakeServiceNow extends FakeApiServer {
  private static final Pattern RECORD =
      Pattern.compile("/api/now/table/([a-z_]+)(?:/([0-9a-f]{32}))?");
  private static final Set<String> STATES = Set.of("1", "2", "3", "6", "7", "8");
  private static final Set<String> CHANGE_STATES =
      Set.of("-5", "-4", "-3", "-2", "-1", "0", "3", "4");
  private static final Pattern FIELD_QUERY = Pattern.compile("(number|sys_id)=([^^]+)");

  /** A record with its journal. */
  static final class Row {
    final ObjectNode fields;
    final List<String> workNotes = new ArrayList<>();
    final List<String> attachments = new ArrayList<>();

    Row(ObjectNode fields) {
      this.fields = fields;
    }

    String get(String name) {
      return fields.path(name).asText("");
    }
  }

  private final String table;
  private final Map<String, Row> rows = new LinkedHashMap<>();
  private int next = 10001;

  FakeServiceNow(String table, String expectedAuthorization) throws IOException {
    super(expectedAuthorization);
    this.table = table;
  }

  /** Seeds a change request with {@code number} and {@code state}; returns its sys_id. */
  synchronized String addChangeRequest(String number, String state) {
    ObjectNode fields = object();
    String sysId = String.format("%032x", next++);
    fields.put("sys_id", sysId);
    fields.put("number", number);
    fields.put("state", state);
    fields.put("short_description", "Patch openssl");
    rows.put(sysId, new Row(fields));
    return sysId;
  }

  synchronized List<Row> rows() {
    return List.copyOf(rows.values());
  }

  @Override
  boolean isSearch(Request request) {
    return request.method().equals("GET") && request.path().startsWith("/api/now/table/");
  }

  @Override
  synchronized Response handle(Request request) throws IOException {
    if (request.path().equals("/api/now/attachment/file") && request.method().equals("POST")) {
      return attach(request);
    }
    Matcher matcher = RECORD.matcher(request.path());
    if (!matcher.matches() || !matcher.group(1).equals(table)) {
      return Response.of(400, error("Invalid table", "No such table " + request.path()));
    }
    String sysId = matcher.group(2);
    return switch (request.method() + (sysId == null ? "" : " id")) {
      case "GET" -> query(request);
      case "POST" -> create(request.json());
      case "PATCH id", "PUT id" -> update(sysId, request.json());
      default -> Response.of(405, error("Method not supported", request.method()));
    };
  }

  private Response query(Request request) {
    String query = request.param("sysparm_query");
    Matcher field = FIELD_QUERY.matcher(query);
    Matcher in = Pattern.compile("correlation_idIN([^^]*)").matcher(query);
    List<Row> hits;
    if (field.matches()) {
      hits =
          rows.values().stream().filter(r -> r.get(field.group(1)).equals(field.group(2))).toList();
    } else if (!query.isEmpty() && !in.find()) {
      return Response.of(400, error("Invalid query", query));
    } else {
      Set<String> wanted = query.isEmpty() ? Set.of() : Set.of(in.group(1).split(","));
      hits =
          rows.values().stream()
              .filter(r -> query.isEmpty() || wanted.contains(r.get("correlation_id")))
              .toList();
    }
    int limit = Integer.parseInt(request.param("sysparm_limit"));
    int offset =
        Integer.parseInt(
            request.param("sysparm_offset").isEmpty() ? "0" : request.param("sysparm_offset"));
    Set<String> fields = Set.of(request.param("sysparm_fields").split(","));
    ObjectNode result = object();
    ArrayNode list = result.putArray("result");
    for (Row row :
        hits.subList(Math.min(offset, hits.size()), Math.min(offset + limit, hits.size()))) {
      ObjectNode item = list.addObject();
      fields.forEach(f -> item.put(f, row.get(f)));
    }
    request.exchange().getResponseHeaders().add("X-Total-Count", String.valueOf(hits.size()));
    return Response.of(200, result);
  }

  private Response create(JsonNode body) {
    if (body.path("short_description").asText().isBlank()) {
      return Response.of(
          403,
          error("Operation Failed", "Data Policy Exception: \n\tShort description is mandatory"));
    }
    ObjectNode fields = body.deepCopy();
    String sysId = String.format("%032x", next);
    fields.put("sys_id", sysId);
    fields.put("number", "INC00" + next++);
    fields.put("state", "1");
    Row row = new Row(fields);
    takeWorkNotes(row, fields);
    rows.put(sysId, row);
    return Response.of(201, object().set("result", fields));
  }

  private Response update(String sysId, JsonNode body) {
    Row row = rows.get(sysId);
    if (row == null) {
      return Response.of(
          404,
          error("No Record found", "Record doesn't exist or ACL restricts the record retrieval"));
    }
    Set<String> states = table.equals("change_request") ? CHANGE_STATES : STATES;
    if (body.has("state") && !states.contains(body.path("state").asText())) {
      return Response.of(400, error("Invalid state", "state: " + body.path("state").asText()));
    }
    body.fields().forEachRemaining(f -> row.fields.set(f.getKey(), f.getValue()));
    takeWorkNotes(row, row.fields);
    return Response.of(200, object().set("result", row.fields));
  }

  private static void takeWorkNotes(Row row, ObjectNode fields) {
    if (fields.has("work_notes")) {
      row.workNotes.add(fields.path("work_notes").asText());
      fields.remove("work_notes");
    }
  }

  private Response attach(Request request) {
    Row row = rows.get(request.param("table_sys_id"));
    if (row == null || !request.param("table_name").equals(table)) {
      return Response.of(400, error("Invalid table_sys_id", request.param("table_sys_id")));
    }
    row.attachments.add(request.param("file_name"));
    return Response.of(
        201, object().set("result", object().put("file_name", request.param("file_name"))));
  }

  private static ObjectNode error(String message, String detail) {
    ObjectNode node = object();
    node.putObject("error").put("message", message).put("detail", detail);
    node.put("status", "failure");
    return node;
  }
}
