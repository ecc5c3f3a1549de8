package io.patchpipeline.engine.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import io.patchpipeline.engine.http.ApiRequest;
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

  /** The part of an error body that is searched for secrets and shown: 64 KiB. */
  private static final int MAX_SCANNED = 64 * 1024;

  private ApiErrors() {}

  static TicketException of(String system, HttpException e, Redactor redactor) {
    String detail = e.response().map(r -> shorten(redactor.redact(detail(r)))).orElse("");
    String message = e.getMessage() + (detail.isEmpty() ? "" : ": " + detail);
    if (e.status() == 401 || e.status() == 403) {
      message += ". Check the user and token or password of ticket system '" + system + "'";
    }
    return new TicketException(redactor.redact("Ticket system '" + system + "': " + message), e);
  }

  /**
   * Parses a response body that must be a JSON object, such as the response to a create or search.
   *
   * @throws TicketException naming the status and URL when the body is not a JSON object
   */
  static JsonNode json(String system, ApiRequest request, ApiResponse response)
      throws TicketException {
    try {
      JsonNode body = response.json();
      if (body.isObject()) {
        return body;
      }
    } catch (IOException e) {
      // Reported below with the request, because a parser message would not help the user.
    }
    throw unexpected(system, request, response, "a body that is not a JSON object");
  }

  /**
   * Returns the error for a 2xx response that lacks what the API documents, such as a created
   * ticket without a key. A login page or proxy that returns 200 causes this.
   */
  static TicketException unexpected(
      String system, ApiRequest request, ApiResponse response, String what) {
    return new TicketException(
        "Ticket system '"
            + system
            + "': "
            + request.describe()
            + " returned HTTP "
            + response.status()
            + " with "
            + what
            + "; check the URL; a login page or proxy may be answering",
        true);
  }

  private static String detail(ApiResponse response) {
    JsonNode body;
    try {
      body = response.json();
    } catch (IOException e) {
      String text = response.text().strip();
      return text.length() > MAX_SCANNED ? text.substring(0, MAX_SCANNED) : text;
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
    return String.join("; ", parts);
  }

  /**
   * Cuts a detail to {@value #MAX_DETAIL} characters. It runs after redaction, because a cut
   * through a long token would leave a part that no longer matches the secret.
   */
  private static String shorten(String text) {
    return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "..." : text;
  }

  private static void addText(List<String> parts, JsonNode node) {
    if (node.isTextual() && !node.asText().isBlank()) {
      parts.add(node.asText());
    }
  }
}
