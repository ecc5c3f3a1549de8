package io.patchpipeline.engine.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.http.ApiRequest;
import io.patchpipeline.engine.http.HttpService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Jira Data Center and Server, REST API v2: wiki-markup descriptions and search through {@code POST
 * /rest/api/2/search} paged by {@code startAt}. Authenticates with a personal access token (Bearer)
 * or a user name and password (Basic).
 */
public final class JiraDataCenterClient extends JiraClient {
  public JiraDataCenterClient(TicketSystemConfig config, HttpService http) {
    super(config, http);
  }

  @Override
  String apiVersion() {
    return "2";
  }

  @Override
  JsonNode description(TicketDraft draft) {
    return TextNode.valueOf(WikiRenderer.render(TicketDocument.of(draft)));
  }

  @Override
  JsonNode render(TicketDocument document) {
    return TextNode.valueOf(WikiRenderer.render(document));
  }

  @Override
  JsonNode commentBody(String text) {
    return TextNode.valueOf(text);
  }

  @Override
  List<JsonNode> search(String jql, int pageSize) throws IOException {
    List<JsonNode> issues = new ArrayList<>();
    int startAt = 0;
    while (true) {
      ObjectNode body = Json.mapper().createObjectNode();
      body.put("jql", jql);
      body.put("startAt", startAt);
      body.put("maxResults", pageSize);
      SEARCH_FIELDS.forEach(body.withArray("fields")::add);
      body.putArray("properties").add(SyncState.PROPERTY);
      JsonNode result = send(ApiRequest.searchJson(api("search"), write(body))).json();
      JsonNode page = result.path("issues");
      page.forEach(issues::add);
      startAt += page.size();
      if (page.isEmpty() || startAt >= result.path("total").asInt(0)) {
        return issues;
      }
    }
  }
}
