package io.patchpipeline.engine.ticket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.http.ApiRequest;
import io.patchpipeline.engine.http.ApiResponse;
import io.patchpipeline.engine.http.HttpException;
import io.patchpipeline.engine.http.HttpService;
import io.patchpipeline.engine.http.Multipart;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The behaviour Jira Cloud (REST API v3) and Jira Data Center (REST API v2) share: issues carry the
 * dedup key as a label and what Patch Pipeline wrote as the issue property {@value
 * SyncState#PROPERTY}, which a search returns with the issue, so a sync needs no request per issue.
 */
abstract class JiraClient implements TicketClient {
  /** Issue fields a search requests. */
  static final List<String> SEARCH_FIELDS = List.of("summary", "status", "labels");

  private static final Set<String> CLOSED_STATUSES = Set.of("done", "closed", "resolved");

  protected final TicketSystemConfig config;
  protected final HttpService http;
  private final String base;

  JiraClient(TicketSystemConfig config, HttpService http) {
    this.config = config;
    this.http = http;
    this.base = stripSlash(config.url().orElseThrow().toString());
  }

  /** Returns the API version path segment: {@code 3} or {@code 2}. */
  abstract String apiVersion();

  /** Returns the description in the system's format. */
  abstract JsonNode description(TicketDraft draft);

  /** Returns a description document in the system's format. */
  abstract JsonNode render(TicketDocument document);

  /** Returns a comment body in the system's format. */
  abstract JsonNode commentBody(String text);

  /** Runs a JQL search, all pages, and returns the issues. */
  abstract List<JsonNode> search(String jql, int pageSize) throws IOException;

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
    Map<String, String> requested = new LinkedHashMap<>();
    dedupKeys.forEach(k -> requested.put(k.toLowerCase(Locale.ROOT), k));
    String jql =
        "project = "
            + quote(config.project())
            + " AND labels in ("
            + dedupKeys.stream().map(JiraClient::quote).collect(Collectors.joining(", "))
            + ") ORDER BY created ASC";
    for (JsonNode issue : search(jql, Math.min(100, dedupKeys.size()))) {
      for (JsonNode label : issue.path("fields").path("labels")) {
        String key = requested.get(label.asText().toLowerCase(Locale.ROOT));
        if (key != null) {
          found.putIfAbsent(key, toTicket(issue, key));
        }
      }
    }
    return found;
  }

  @Override
  public RemoteTicket create(TicketDraft draft) throws IOException {
    ObjectNode body = Json.mapper().createObjectNode();
    ObjectNode fields = body.putObject("fields");
    fields.putObject("project").put("key", config.project());
    fields.putObject("issuetype").put("name", config.issueType());
    fields.put("summary", draft.summary());
    fields.set("description", description(draft));
    ArrayNode labels = fields.putArray("labels");
    labels(draft).forEach(labels::add);
    fields.putObject("priority").put("name", priorityName(draft.state().priority()));
    fields.put("duedate", draft.dueDate().toString());
    addProperty(body, draft.state());
    JsonNode created = send(ApiRequest.postJson(api("issue"), write(body))).json();
    String key = created.path("key").asText();
    return new RemoteTicket(
        key,
        created.path("id").asText(),
        browse(key),
        draft.dedupKey(),
        "new",
        Optional.of(draft.state()));
  }

  /**
   * Creates the review as an issue in the same project and mentions the unit's issue key in its
   * summary and description. It sends no issue link, because link type names differ between Jira
   * sites and a missing one would reject the whole create.
   */
  @Override
  public RemoteTicket createReview(ReviewDraft draft) throws IOException {
    ObjectNode body = Json.mapper().createObjectNode();
    ObjectNode fields = body.putObject("fields");
    fields.putObject("project").put("key", config.project());
    fields.putObject("issuetype").put("name", config.issueType());
    fields.put("summary", draft.summary());
    fields.set("description", render(draft.document()));
    ArrayNode labels = fields.putArray("labels");
    Set<String> all = new LinkedHashSet<>(config.labels());
    all.addAll(draft.labels());
    all.forEach(labels::add);
    fields.putObject("priority").put("name", priorityName(draft.priority()));
    JsonNode created = send(ApiRequest.postJson(api("issue"), write(body))).json();
    String key = created.path("key").asText();
    return new RemoteTicket(
        key, created.path("id").asText(), browse(key), draft.dedupKey(), "new", Optional.empty());
  }

  @Override
  public void update(RemoteTicket ticket, TicketDraft draft, TicketChange change)
      throws IOException {
    ObjectNode body = Json.mapper().createObjectNode();
    ObjectNode fields = body.putObject("fields");
    fields.put("summary", draft.summary());
    fields.set("description", description(draft));
    if (change.writePriority()) {
      fields.putObject("priority").put("name", priorityName(change.after().priority()));
      fields.put("duedate", change.after().dueDate().toString());
    }
    ObjectNode update = body.putObject("update");
    ArrayNode labelOps = update.putArray("labels");
    labels(draft).forEach(label -> labelOps.addObject().put("add", label));
    update
        .putArray("comment")
        .addObject()
        .putObject("add")
        .set("body", commentBody(change.comment()));
    addProperty(body, change.after());
    send(ApiRequest.putJson(api("issue/" + encode(ticket.key())), write(body)));
  }

  @Override
  public void comment(RemoteTicket ticket, String text) throws IOException {
    ObjectNode body = Json.mapper().createObjectNode();
    body.set("body", commentBody(text));
    send(ApiRequest.postJson(api("issue/" + encode(ticket.key()) + "/comment"), write(body)));
  }

  @Override
  public void close(RemoteTicket ticket, String text) throws IOException {
    String path = "issue/" + encode(ticket.key()) + "/transitions";
    JsonNode transitions = send(ApiRequest.get(api(path))).json().path("transitions");
    Optional<String> id = transitionId(transitions);
    if (id.isEmpty()) {
      if (CLOSED_STATUSES.contains(ticket.status().toLowerCase(Locale.ROOT))) {
        comment(ticket, text);
        return;
      }
      throw new TicketException(
          "Ticket system '"
              + name()
              + "': issue "
              + ticket.key()
              + " has no transition named '"
              + config.closeTransition()
              + "'; available: "
              + names(transitions)
              + ". Set closeTransition to one of them.");
    }
    ObjectNode body = Json.mapper().createObjectNode();
    body.putObject("transition").put("id", id.get());
    body.putObject("update")
        .putArray("comment")
        .addObject()
        .putObject("add")
        .set("body", commentBody(text));
    send(ApiRequest.postJson(api(path), write(body)));
  }

  @Override
  public void attach(RemoteTicket ticket, Path file) throws IOException {
    Multipart form =
        Multipart.ofFile(
            "file",
            String.valueOf(file.getFileName()),
            "application/octet-stream",
            Files.readAllBytes(file));
    ApiRequest request =
        ApiRequest.postJson(api("issue/" + encode(ticket.key()) + "/attachments"), "")
            .withBody(form.body(), form.contentType())
            .withHeader("X-Atlassian-Token", "no-check");
    send(request);
  }

  @Override
  public String checkConnection() throws IOException {
    JsonNode user = send(ApiRequest.get(api("myself"))).json();
    JsonNode project = send(ApiRequest.get(api("project/" + encode(config.project())))).json();
    return "Connected to "
        + base
        + " as "
        + user.path("displayName").asText(user.path("name").asText("?"))
        + "; project "
        + project.path("key").asText(config.project())
        + " ("
        + project.path("name").asText("")
        + ") is visible.";
  }

  /** Returns the labels of a ticket: the configured ones, the dedup label and one per CVE. */
  List<String> labels(TicketDraft draft) {
    Set<String> labels = new LinkedHashSet<>(config.labels());
    labels.add(draft.dedupKey());
    for (String cve : draft.cveIds()) {
      labels.add(cve.replaceAll("\\s+", "-"));
    }
    return List.copyOf(labels);
  }

  ApiResponse send(ApiRequest request) throws IOException {
    try {
      return http.send(request);
    } catch (HttpException e) {
      throw ApiErrors.of(name(), e, http.redactor());
    }
  }

  URI api(String path) {
    return URI.create(base + "/rest/api/" + apiVersion() + "/" + path);
  }

  static String write(JsonNode body) {
    try {
      return Json.mapper().writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialize a Jira request body", e);
    }
  }

  private RemoteTicket toTicket(JsonNode issue, String dedupKey) {
    String key = issue.path("key").asText();
    JsonNode property = issue.path("properties").path(SyncState.PROPERTY);
    Optional<SyncState> state = Optional.empty();
    if (property.isObject()) {
      try {
        state = Optional.of(Json.mapper().treeToValue(property, SyncState.class));
      } catch (JsonProcessingException | IllegalArgumentException e) {
        state = Optional.empty();
      }
    }
    return new RemoteTicket(
        key,
        issue.path("id").asText(),
        browse(key),
        dedupKey,
        issue.path("fields").path("status").path("name").asText(""),
        state);
  }

  private void addProperty(ObjectNode body, SyncState state) {
    ObjectNode property = body.putArray("properties").addObject();
    property.put("key", SyncState.PROPERTY);
    property.set("value", Json.mapper().valueToTree(state));
  }

  private String priorityName(io.patchpipeline.engine.policy.Priority priority) {
    return config.priorityNames().getOrDefault(priority, priority.name());
  }

  private Optional<String> transitionId(JsonNode transitions) {
    for (JsonNode transition : transitions) {
      if (transition.path("name").asText().equalsIgnoreCase(config.closeTransition())) {
        return Optional.of(transition.path("id").asText());
      }
    }
    return Optional.empty();
  }

  private static String names(JsonNode transitions) {
    List<String> names = new java.util.ArrayList<>();
    transitions.forEach(t -> names.add(t.path("name").asText()));
    return names.isEmpty() ? "none" : String.join(", ", names);
  }

  private String browse(String key) {
    return base + "/browse/" + key;
  }

  static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
