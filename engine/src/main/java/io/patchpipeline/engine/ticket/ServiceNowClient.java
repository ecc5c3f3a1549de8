package io.patchpipeline.engine.ticket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.http.ApiRequest;
import io.patchpipeline.engine.http.ApiResponse;
import io.patchpipeline.engine.http.HttpException;
import io.patchpipeline.engine.http.HttpService;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * ServiceNow Table API: one record per unit in the configured table, found again by {@code
 * correlation_id}. What Patch Pipeline wrote is kept as the last line of the description, after
 * {@value #STATE_MARKER}, because the Table API returns it with the search.
 */
public final class ServiceNowClient implements TicketClient {
  static final String STATE_MARKER = "patch-pipeline-state: ";
  private static final String SEARCH_FIELDS =
      "sys_id,number,correlation_id,state,description,short_description";

  private final TicketSystemConfig config;
  private final HttpService http;
  private final String base;

  public ServiceNowClient(TicketSystemConfig config, HttpService http) {
    this.config = config;
    this.http = http;
    String url = config.url().orElseThrow().toString();
    this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    config.fields().forEach(ServiceNowFields::validate);
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public int searchBatchSize() {
    return config.searchBatchSize();
  }

  @Override
  public Map<String, RemoteTicket> find(Collection<String> dedupKeys) throws IOException {
    Map<String, RemoteTicket> found = new LinkedHashMap<>();
    if (dedupKeys.isEmpty()) {
      return found;
    }
    String query = "correlation_idIN" + String.join(",", dedupKeys) + "^ORDERBYsys_created_on";
    int limit = Math.min(100, dedupKeys.size());
    for (int offset = 0; ; offset += limit) {
      URI uri =
          table(
              "?sysparm_query="
                  + encode(query)
                  + "&sysparm_fields="
                  + encode(SEARCH_FIELDS)
                  + "&sysparm_exclude_reference_link=true&sysparm_limit="
                  + limit
                  + "&sysparm_offset="
                  + offset);
      ApiResponse response = send(ApiRequest.get(uri));
      JsonNode page = response.json().path("result");
      for (JsonNode item : page) {
        String key = item.path("correlation_id").asText();
        if (dedupKeys.contains(key)) {
          found.putIfAbsent(key, toTicket(item));
        }
      }
      if (isLastPage(response, page.size(), offset, limit)) {
        return found;
      }
    }
  }

  /** Reads {@code X-Total-Count}, which the Table API sends with every page, when present. */
  private static boolean isLastPage(ApiResponse response, int size, int offset, int limit) {
    Optional<String> total = response.header("X-Total-Count");
    if (total.isPresent() && total.get().matches("\\d{1,9}")) {
      return size == 0 || offset + size >= Integer.parseInt(total.get());
    }
    return size < limit;
  }

  @Override
  public RemoteTicket create(TicketDraft draft) throws IOException {
    ObjectNode body = fields(draft, draft.state(), true);
    body.put("correlation_id", draft.dedupKey());
    body.put("correlation_display", "Patch Pipeline");
    JsonNode result = send(ApiRequest.postJson(table(""), write(body))).json().path("result");
    return new RemoteTicket(
        result.path("number").asText(),
        result.path("sys_id").asText(),
        link(result.path("sys_id").asText()),
        draft.dedupKey(),
        result.path("state").asText(""),
        Optional.of(draft.state()));
  }

  /**
   * Creates the review as a record in the same table with its own {@code correlation_id}. It sets
   * the short description, the description (which names the unit's record number), the impact and
   * urgency of the unit's priority, and the configured fields whose template is a constant, such as
   * an assignment group. Templates with placeholders describe a unit's patch and are left out.
   */
  @Override
  public RemoteTicket createReview(ReviewDraft draft) throws IOException {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("short_description", draft.summary());
    body.put("description", TextRenderer.render(draft.document()));
    config
        .fields()
        .forEach(
            (field, template) -> {
              if (!ServiceNowFields.hasPlaceholder(template) && !body.has(field)) {
                body.put(field, template);
              }
            });
    config.priorityFields().getOrDefault(draft.priority(), Map.of()).forEach(body::put);
    body.put("correlation_id", draft.dedupKey());
    body.put("correlation_display", "Patch Pipeline");
    JsonNode result = send(ApiRequest.postJson(table(""), write(body))).json().path("result");
    return new RemoteTicket(
        result.path("number").asText(),
        result.path("sys_id").asText(),
        link(result.path("sys_id").asText()),
        draft.dedupKey(),
        result.path("state").asText(""),
        Optional.empty());
  }

  @Override
  public void update(RemoteTicket ticket, TicketDraft draft, TicketChange change)
      throws IOException {
    ObjectNode body = fields(draft, change.after(), change.writePriority());
    body.put("work_notes", change.comment());
    patch(ticket, body);
  }

  @Override
  public void comment(RemoteTicket ticket, String text) throws IOException {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("work_notes", text);
    patch(ticket, body);
  }

  /**
   * Sets the resolved state with {@code close_code} and {@code close_notes}; when Vulnerability
   * Response closes items after a confirming scan, sets the resolved state with a work note only.
   */
  @Override
  public void close(RemoteTicket ticket, String text) throws IOException {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("state", config.resolvedState());
    if (config.closureByScan()) {
      body.put("work_notes", text + "\nThe confirming scan closes this item.");
    } else {
      if (!config.closeCode().isEmpty()) {
        body.put("close_code", config.closeCode());
      }
      body.put("close_notes", text);
    }
    patch(ticket, body);
  }

  @Override
  public void attach(RemoteTicket ticket, Path file) throws IOException {
    URI uri =
        URI.create(
            base
                + "/api/now/attachment/file?table_name="
                + encode(config.table())
                + "&table_sys_id="
                + encode(ticket.id())
                + "&file_name="
                + encode(String.valueOf(file.getFileName())));
    ApiRequest request =
        ApiRequest.postJson(uri, "").withBody(Files.readAllBytes(file), "application/octet-stream");
    send(request);
  }

  @Override
  public String checkConnection() throws IOException {
    send(ApiRequest.get(table("?sysparm_limit=1&sysparm_fields=sys_id")));
    return "Connected to " + base + "; table " + config.table() + " is readable.";
  }

  private ObjectNode fields(TicketDraft draft, SyncState state, boolean withPriority) {
    String description = TextRenderer.render(TicketDocument.of(draft)) + "\n\n" + marker(state);
    ObjectNode body = Json.mapper().createObjectNode();
    config
        .fields()
        .forEach(
            (field, template) ->
                body.put(field, ServiceNowFields.fill(template, draft, description)));
    if (!body.has("description")) {
      body.put("description", marker(state));
    }
    if (withPriority) {
      config.priorityFields().getOrDefault(state.priority(), Map.of()).forEach(body::put);
    } else {
      body.remove("due_date");
    }
    return body;
  }

  private void patch(RemoteTicket ticket, ObjectNode body) throws IOException {
    send(ApiRequest.patchJson(table("/" + encode(ticket.id())), write(body)));
  }

  private RemoteTicket toTicket(JsonNode item) {
    String sysId = item.path("sys_id").asText();
    return new RemoteTicket(
        item.path("number").asText(),
        sysId,
        link(sysId),
        item.path("correlation_id").asText(),
        item.path("state").asText(""),
        readState(item.path("description").asText("")));
  }

  static Optional<SyncState> readState(String description) {
    int at = description.lastIndexOf(STATE_MARKER);
    if (at < 0) {
      return Optional.empty();
    }
    String json = description.substring(at + STATE_MARKER.length()).strip();
    try {
      return Optional.of(Json.mapper().readValue(json, SyncState.class));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String marker(SyncState state) {
    try {
      return STATE_MARKER
          + Json.mapper()
              .writer()
              .without(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialize the ticket state", e);
    }
  }

  private ApiResponse send(ApiRequest request) throws IOException {
    try {
      return http.send(request);
    } catch (HttpException e) {
      throw ApiErrors.of(name(), e, http.redactor());
    }
  }

  private URI table(String rest) {
    return URI.create(base + "/api/now/table/" + encode(config.table()) + rest);
  }

  private String link(String sysId) {
    return base + "/nav_to.do?uri=" + encode(config.table() + ".do?sys_id=" + sysId);
  }

  private static String write(JsonNode body) {
    return JiraClient.write(body);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
