package io.patchpipeline.engine.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.http.ApiRequest;
import io.patchpipeline.engine.http.HttpService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Jira Cloud, REST API v3: descriptions and comments in Atlassian Document Format, and search
 * through {@code POST /rest/api/3/search/jql} paged by {@code nextPageToken} (the endpoint that
 * replaced {@code /rest/api/3/search}). Authenticates with an account e-mail and API token.
 */
public final class JiraCloudClient extends JiraClient {
  /** Upper limit of pages per search, against a server that never returns the last page. */
  private static final int MAX_PAGES = 1000;

  public JiraCloudClient(TicketSystemConfig config, HttpService http) {
    super(config, http);
  }

  @Override
  String apiVersion() {
    return "3";
  }

  @Override
  JsonNode description(TicketDraft draft) {
    return AdfRenderer.render(TicketDocument.of(draft));
  }

  @Override
  JsonNode render(TicketDocument document) {
    return AdfRenderer.render(document);
  }

  @Override
  JsonNode commentBody(String text) {
    return AdfRenderer.text(text);
  }

  @Override
  List<JsonNode> search(String jql, int pageSize) throws IOException {
    List<JsonNode> issues = new ArrayList<>();
    String token = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      ObjectNode body = Json.mapper().createObjectNode();
      body.put("jql", jql);
      body.put("maxResults", pageSize);
      SEARCH_FIELDS.forEach(body.withArray("fields")::add);
      body.putArray("properties").add(SyncState.PROPERTY);
      if (token != null) {
        body.put("nextPageToken", token);
      }
      JsonNode result = send(ApiRequest.searchJson(api("search/jql"), write(body))).json();
      result.path("issues").forEach(issues::add);
      token = result.path("nextPageToken").asText(null);
      if (token == null || result.path("isLast").asBoolean(false)) {
        return issues;
      }
    }
    throw new TicketException(
        "Ticket system '" + name() + "': the search returned more than " + MAX_PAGES + " pages");
  }
}
