package io.patchpipeline.engine.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.http.ApiRequest;
import io.patchpipeline.engine.http.ApiResponse;
import io.patchpipeline.engine.http.Credentials;
import io.patchpipeline.engine.http.HttpException;
import io.patchpipeline.engine.http.HttpService;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Updates one ServiceNow change request through the Table API: {@code GET
 * /api/now/table/change_request?sysparm_query=number=...} finds it by number, and {@code PATCH
 * /api/now/table/change_request/{sys_id}} sets its {@code state} and appends {@code work_notes}.
 * Retries on 429 and 503 come from {@link HttpService}.
 */
public final class ChangeRequestClient {
  static final String TABLE = "change_request";
  private static final Pattern SYS_ID = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern NUMBER = Pattern.compile("[A-Z]{2,10}[0-9]{1,20}");

  /** A change request as found: its {@code sys_id}, {@code number} and current {@code state}. */
  public record ChangeRequest(String sysId, String number, String state) {}

  private final TicketSystemConfig config;
  private final HttpService http;
  private final String base;

  public ChangeRequestClient(TicketSystemConfig config, HttpService http) {
    if (config.type() != TicketSystemType.SERVICENOW) {
      throw new IllegalArgumentException(
          "ticket system '"
              + config.name()
              + "' is "
              + config.type()
              + "; change requests need a ServiceNow system");
    }
    this.config = config;
    this.http = http;
    String url = config.url().orElseThrow().toString();
    this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Creates the client of {@code config} with its secret. */
  public static ChangeRequestClient of(TicketSystemConfig config, Credentials credentials) {
    return new ChangeRequestClient(config, new HttpService(config.http(), credentials));
  }

  /** Returns whether {@code reference} is a change request number or a {@code sys_id}. */
  public static boolean isReference(String reference) {
    return SYS_ID.matcher(reference).matches() || NUMBER.matcher(reference).matches();
  }

  /**
   * Finds the change request that {@code reference} names: a 32-digit {@code sys_id} or a number
   * such as {@code CHG0030001}.
   *
   * @throws TicketException when it does not exist or the request failed
   */
  public ChangeRequest find(String reference) throws IOException {
    if (!isReference(reference)) {
      throw new TicketException(
          "Invalid change request '"
              + reference
              + "'; expected a number such as CHG0030001 or a 32-digit sys_id");
    }
    String query =
        SYS_ID.matcher(reference).matches() ? "sys_id=" + reference : "number=" + reference;
    URI uri =
        table(
            "?sysparm_query="
                + encode(query)
                + "&sysparm_fields="
                + encode("sys_id,number,state")
                + "&sysparm_exclude_reference_link=true&sysparm_limit=1");
    JsonNode result = send(ApiRequest.get(uri)).json().path("result");
    if (!result.isArray() || result.isEmpty()) {
      throw new TicketException(
          "Ticket system '"
              + config.name()
              + "': change request "
              + reference
              + " not found in table "
              + TABLE);
    }
    JsonNode item = result.get(0);
    return new ChangeRequest(
        item.path("sys_id").asText(), item.path("number").asText(), item.path("state").asText(""));
  }

  /** Sets {@code state} when given and appends {@code workNote}, in one request. */
  public void update(ChangeRequest change, Optional<String> state, String workNote)
      throws IOException {
    ObjectNode body = Json.mapper().createObjectNode();
    state.ifPresent(value -> body.put("state", value));
    body.put("work_notes", workNote);
    send(ApiRequest.patchJson(table("/" + encode(change.sysId())), JiraClient.write(body)));
  }

  public String name() {
    return config.name();
  }

  private ApiResponse send(ApiRequest request) throws IOException {
    try {
      return http.send(request);
    } catch (HttpException e) {
      throw ApiErrors.of(config.name(), e, http.redactor());
    }
  }

  private URI table(String rest) {
    return URI.create(base + "/api/now/table/" + TABLE + rest);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
