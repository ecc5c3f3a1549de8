package io.patchpipeline.engine.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import io.patchpipeline.engine.http.ApiResponse;
import io.patchpipeline.engine.http.HttpException;
import io.patchpipeline.engine.http.Redactor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns an error response into a {@link TicketException} that names what the system named: Jira's
 * {@code errorMessages} and {@code errors} (field to message), ServiceNow's {@code error.message}
 * and {@code error.detail}.
 */
final class ApiErrors {
  private static final int MAX_DETAIL = 500;

  private ApiErrors() {}

  static TicketException of(String system, HttpException e, Redactor redactor) {
    String detail = e.response().map(ApiErrors::detail).orElse("");
    String message = e.getMessage() + (detail.isEmpty() ? "" : ": " + detail);
    if (e.status() == 401 || e.status() == 403) {
      message += ". Check the user and token or password of ticket system '" + system + "'";
    }
    return new TicketException(redactor.redact("Ticket system '" + system + "': " + message), e);
  }

  private static String detail(ApiResponse response) {
    JsonNode body;
    try {
      body = response.json();
    } catch (IOException e) {
      String text = response.text().strip();
      return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "..." : text;
    }
    List<String> parts = new ArrayList<>();
    body.path("errorMessages").forEach(m -> parts.add(m.asText()));
    Iterator<Map.Entry<String, JsonNode>> fields = body.path("errors").fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      parts.add("field " + field.getKey() + ": " + field.getValue().asText());
    }
    JsonNode error = body.path("error");
    if (error.isObject()) {
      addText(parts, error.path("message"));
      addText(parts, error.path("detail"));
    }
    String text = String.join("; ", parts);
    return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "..." : text;
  }

  private static void addText(List<String> parts, JsonNode node) {
    if (node.isTextual() && !node.asText().isBlank()) {
      parts.add(node.asText());
    }
  }
}
