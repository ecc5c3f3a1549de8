package io.patchpipeline.engine.verify.vm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.patchpipeline.engine.core.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A transport that sends nothing. It appends each request to a JSON Lines file, so that a dry run
 * or a demonstration shows what would be sent. It returns an empty DefectDojo result page for a GET
 * and an empty JSON object for any other request. The {@code Authorization} header is written as
 * {@code ****}, and every other header, the webhook signature included, is written as sent.
 */
public final class OutboxTransport implements VmTransport {
  private final Path file;

  public OutboxTransport(Path file) {
    this.file = file;
  }

  @Override
  public synchronized Response send(Request request) throws IOException {
    ObjectNode line = Json.mapper().createObjectNode();
    line.put("method", request.method());
    line.put("uri", request.uri().toString());
    ObjectNode headers = line.putObject("headers");
    request
        .headers()
        .forEach(
            (name, value) ->
                headers.put(name, name.equalsIgnoreCase("Authorization") ? "****" : value));
    if (request.body().length > 0) {
      line.set("body", body(request.body()));
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(
        file,
        (Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(line)
                + "\n")
            .getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    if (request.method().equals("GET")) {
      return new Response(
          200, "{\"count\": 0, \"next\": null, \"results\": []}".getBytes(StandardCharsets.UTF_8));
    }
    return new Response(200, "{}".getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode body(byte[] bytes) {
    try {
      return Json.mapper().readTree(bytes);
    } catch (IOException e) {
      return Json.mapper().getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
    }
  }
}
