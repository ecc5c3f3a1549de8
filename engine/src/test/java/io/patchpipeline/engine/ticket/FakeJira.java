package io.patchpipeline.engine.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jira Cloud REST API v3 or Jira Data Center REST API v2, the parts Patch Pipeline uses: create and
 * edit issues (fields, label and comment operations, issue properties), search by JQL {@code
 * project = X AND labels in (...)} ({@code /search/jql} with {@code nextPageToken} on Cloud, {@code
 * /search} with {@code startAt} on Data Center), comments, transitions and attachments. The retired
 * Cloud endpoint {@code /rest/api/3/search} returns 410 Gone.
 */
final class FakeJira extends FakeApiServer {
  static final Set<String> PRIORITIES = Set.of("Highest", "High", "Medium", "Low", "Lowest");
  private static final Pattern LABELS_IN = Pattern.compile("labels in \\(([^)]*)\\)");
  private static final Pattern PROJECT = Pattern.compile("project = \"([^\"]+)\"");

  /** An issue with its state. */
  static final class Issue {
    final String id;
    final String key;
    final ObjectNode fields;
    final Map<String, JsonNode> properties = new LinkedHashMap<>();
    final List<JsonNode> comments = new ArrayList<>();
    final List<String> attachments = new ArrayList<>();
    String status = "To Do";

    Issue(String id, String key, ObjectNode fields) {
      this.id = id;
      this.key = key;
      this.fields = fields;
    }

    List<String> labels() {
      List<String> labels = new ArrayList<>();
      fields.path("labels").forEach(l -> labels.add(l.asText()));
      return labels;
    }
  }

  private final boolean cloud;
  private final String project;
  private final Map<String, Issue> issues = new LinkedHashMap<>();
  private int next = 1;

  FakeJira(boolean cloud, String project, String expectedAuthorization) throws IOException {
    super(expectedAuthorization);
    this.cloud = cloud;
    this.project = project;
  }

  private String api() {
    return "/rest/api/" + (cloud ? "3" : "2");
  }

  synchronized List<Issue> issues() {
    return List.copyOf(issues.values());
  }

  synchronized Issue issue(String key) {
    return issues.get(key);
  }

  @Override
  boolean isSearch(Request request) {
    return request.path().startsWith(api() + "/search");
  }

  @Override
  synchronized Response handle(Request request) throws IOException {
    String path = request.path();
    String method = request.method();
    if (cloud && path.equals("/rest/api/3/search")) {
      return Response.of(
          410, errors("The requested API has been removed. Use /rest/api/3/search/jql."));
    }
    if (method.equals("POST") && path.equals(api() + (cloud ? "/search/jql" : "/search"))) {
      return search(request.json());
    }
    if (method.equals("GET") && path.equals(api() + "/myself")) {
      return Response.of(200, object().put("displayName", "Patch Bot").put("name", "patch-bot"));
    }
    if (method.equals("GET") && path.startsWith(api() + "/project/")) {
      String key = path.substring((api() + "/project/").length());
      return key.equals(project)
          ? Response.of(200, object().put("key", project).put("name", "Security"))
          : Response.of(404, errors("No project could be found with key '" + key + "'."));
    }
    if (method.equals("POST") && path.equals(api() + "/issue")) {
      return create(request.json());
    }
    Matcher matcher =
        Pattern.compile(Pattern.quote(api()) + "/issue/([^/]+)(/[a-z]+)?").matcher(path);
    if (!matcher.matches() || !issues.containsKey(matcher.group(1))) {
      return Response.of(
          404, errors("Issue does not exist or you do not have permission to see it."));
    }
    Issue issue = issues.get(matcher.group(1));
    String sub = matcher.group(2) == null ? "" : matcher.group(2);
    return switch (method + " " + sub) {
      case "PUT " -> edit(issue, request.json());
      case "POST /comment" -> comment(issue, request.json());
      case "GET /transitions" -> transitions();
      case "POST /transitions" -> transition(issue, request.json());
      case "POST /attachments" -> attach(issue, request);
      default -> Response.of(405, errors("Method not allowed"));
    };
  }

  private Response create(JsonNode body) {
    ObjectNode fields = (ObjectNode) body.path("fields");
    Map<String, String> errors = validate(fields, true);
    if (!errors.isEmpty()) {
      return Response.of(400, errors(errors));
    }
    fields.remove("project");
    int number = next++;
    Issue issue = new Issue(String.valueOf(10000 + number), project + "-" + number, fields);
    body.path("properties")
        .forEach(p -> issue.properties.put(p.path("key").asText(), p.path("value")));
    issues.put(issue.key, issue);
    ObjectNode created = object().put("id", issue.id).put("key", issue.key);
    created.put("self", url() + api() + "/issue/" + issue.id);
    return Response.of(201, created);
  }

  private Response edit(Issue issue, JsonNode body) {
    Map<String, String> errors = validate(body.path("fields"), false);
    if (!errors.isEmpty()) {
      return Response.of(400, errors(errors));
    }
    body.path("fields").fields().forEachRemaining(f -> issue.fields.set(f.getKey(), f.getValue()));
    for (JsonNode op : body.path("update").path("labels")) {
      if (op.has("add") && !issue.labels().contains(op.path("add").asText())) {
        issue.fields.withArray("labels").add(op.path("add").asText());
      }
    }
    for (JsonNode op : body.path("update").path("comment")) {
      issue.comments.add(op.path("add").path("body"));
    }
    body.path("properties")
        .forEach(p -> issue.properties.put(p.path("key").asText(), p.path("value")));
    return Response.of(204, null);
  }

  private Response comment(Issue issue, JsonNode body) {
    if (!validBody(body.path("body"))) {
      return Response.of(400, errors(Map.of("comment", "Comment body is not valid.")));
    }
    issue.comments.add(body.path("body"));
    return Response.of(201, object().put("id", String.valueOf(issue.comments.size())));
  }

  private Response transitions() {
    ObjectNode result = object();
    ArrayNode list = result.putArray("transitions");
    list.addObject().put("id", "11").put("name", "In Progress");
    list.addObject().put("id", "31").put("name", "Done");
    return Response.of(200, result);
  }

  private Response transition(Issue issue, JsonNode body) {
    String id = body.path("transition").path("id").asText();
    if (!id.equals("31") && !id.equals("11")) {
      return Response.of(
          400,
          errors(Map.of("transition", "Transition id '" + id + "' is not valid for this issue.")));
    }
    issue.status = id.equals("31") ? "Done" : "In Progress";
    for (JsonNode op : body.path("update").path("comment")) {
      issue.comments.add(op.path("add").path("body"));
    }
    return Response.of(204, null);
  }

  private Response attach(Issue issue, Request request) {
    if (!request.header("X-Atlassian-Token").equals("no-check")) {
      return Response.of(403, errors("XSRF check failed"));
    }
    String text = new String(request.body(), StandardCharsets.ISO_8859_1);
    Matcher name = Pattern.compile("filename=\"([^\"]+)\"").matcher(text);
    if (!request.header("Content-Type").startsWith("multipart/form-data") || !name.find()) {
      return Response.of(415, errors("Expected multipart/form-data with a file part"));
    }
    issue.attachments.add(name.group(1));
    ArrayNode result = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    result.addObject().put("filename", name.group(1));
    return Response.of(200, result);
  }

  private Response search(JsonNode body) {
    String jql = body.path("jql").asText();
    Matcher labels = LABELS_IN.matcher(jql);
    Matcher projectMatch = PROJECT.matcher(jql);
    if (!labels.find() || !projectMatch.find()) {
      return Response.of(400, errors("Error in the JQL Query: " + jql));
    }
    Set<String> wanted = new HashSet<>();
    for (String value : labels.group(1).split(",")) {
      wanted.add(value.trim().replace("\"", "").toLowerCase(Locale.ROOT));
    }
    List<Issue> hits = new ArrayList<>();
    for (Issue issue : issues.values()) {
      if (issue.key.startsWith(projectMatch.group(1) + "-")
          && issue.labels().stream().anyMatch(l -> wanted.contains(l.toLowerCase(Locale.ROOT)))) {
        hits.add(issue);
      }
    }
    int max = Math.max(1, Math.min(body.path("maxResults").asInt(50), 100));
    int start =
        cloud
            ? Integer.parseInt(body.path("nextPageToken").asText("0"))
            : body.path("startAt").asInt(0);
    ObjectNode result = object();
    ArrayNode list = result.putArray("issues");
    for (Issue issue :
        hits.subList(Math.min(start, hits.size()), Math.min(start + max, hits.size()))) {
      list.add(toJson(issue, body));
    }
    if (cloud) {
      boolean last = start + max >= hits.size();
      result.put("isLast", last);
      if (!last) {
        result.put("nextPageToken", String.valueOf(start + max));
      }
    } else {
      result.put("startAt", start).put("maxResults", max).put("total", hits.size());
    }
    return Response.of(200, result);
  }

  private ObjectNode toJson(Issue issue, JsonNode request) {
    ObjectNode node = object().put("id", issue.id).put("key", issue.key);
    ObjectNode fields = node.putObject("fields");
    for (JsonNode name : request.path("fields")) {
      if (name.asText().equals("status")) {
        fields.putObject("status").put("name", issue.status);
      } else if (issue.fields.has(name.asText())) {
        fields.set(name.asText(), issue.fields.get(name.asText()));
      }
    }
    ObjectNode properties = node.putObject("properties");
    for (JsonNode name : request.path("properties")) {
      if (issue.properties.containsKey(name.asText())) {
        properties.set(name.asText(), issue.properties.get(name.asText()));
      }
    }
    return node;
  }

  private Map<String, String> validate(JsonNode fields, boolean create) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (create && !fields.path("project").path("key").asText().equals(project)) {
      errors.put("project", "valid project is required");
    }
    if (create && fields.path("issuetype").path("name").asText().isEmpty()) {
      errors.put("issuetype", "Specify an issue type");
    }
    if ((create || fields.has("summary")) && fields.path("summary").asText().isBlank()) {
      errors.put("summary", "You must specify a summary of the issue.");
    }
    if (fields.has("description") && !validBody(fields.path("description"))) {
      errors.put(
          "description",
          "Operation value must be " + (cloud ? "an Atlassian Document" : "a string"));
    }
    if (fields.has("priority")
        && !PRIORITIES.contains(fields.path("priority").path("name").asText())) {
      errors.put("priority", "Specify a valid priority name");
    }
    if (fields.has("duedate") && !fields.path("duedate").asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
      errors.put("duedate", "Error parsing date string: " + fields.path("duedate").asText());
    }
    for (JsonNode label : fields.path("labels")) {
      if (label.asText().contains(" ") || label.asText().length() > 255) {
        errors.put("labels", "The label '" + label.asText() + "' contains spaces or is too long");
      }
    }
    return errors;
  }

  private boolean validBody(JsonNode body) {
    return cloud
        ? body.isObject()
            && body.path("type").asText().equals("doc")
            && body.path("version").asInt() == 1
        : body.isTextual();
  }

  private static ObjectNode errors(String message) {
    ObjectNode node = object();
    node.putArray("errorMessages").add(message);
    node.putObject("errors");
    return node;
  }

  private static ObjectNode errors(Map<String, String> fieldErrors) {
    ObjectNode node = object();
    node.putArray("errorMessages");
    ObjectNode errors = node.putObject("errors");
    fieldErrors.forEach(errors::put);
    return node;
  }
}
