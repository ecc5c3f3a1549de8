package io.patchpipeline.engine.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.patchpipeline.engine.core.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The status, headers and body of one response. */
public record ApiResponse(int status, Map<String, List<String>> headers, byte[] body) {

  public ApiResponse {
    headers = Map.copyOf(headers);
    body = body == null ? new byte[0] : body;
  }

  /** Returns the first value of header {@code name}, compared case-insensitively. */
  public Optional<String> header(String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
        .map(e -> e.getValue().get(0))
        .findFirst();
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Parses the body as JSON; an empty body is an empty object. */
  public JsonNode json() throws IOException {
    if (body.length == 0) {
      return Json.mapper().createObjectNode();
    }
    return Json.mapper().readTree(body);
  }

  @Override
  public String toString() {
    return "ApiResponse[" + status + ", " + body.length + " bytes]";
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
