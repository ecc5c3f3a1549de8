package io.patchpipeline.engine.verify.vm;

import com.fasterxml.jackson.databind.JsonNode;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.http.HttpService;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Marks findings mitigated in DefectDojo through its REST API v2: findings are looked up with
 * {@code GET /api/v2/findings/?vulnerability_id=CVE&component_name=NAME&active=true} and updated
 * with {@code PATCH /api/v2/findings/{id}/} setting {@code active=false}, {@code is_mitigated=true}
 * and {@code mitigated}, the partial update that DefectDojo's API v2 documents as {@code
 * findings_partial_update}. Requests carry {@code Authorization: Token KEY}; the key never appears
 * in a message. A 400 response's field errors ({@code {"field": ["problem"]}}) are named in the
 * message.
 */
public final class DefectDojoClient {
  /** Upper bound of result pages followed per lookup, against a server that never ends a list. */
  static final int MAX_PAGES = 50;

  /** Upper bound of the characters of a response body quoted in a message. */
  private static final int MAX_DETAIL = 300;

  private final URI base;
  private final Optional<String> apiKey;
  private final VmTransport transport;
  private final UnaryOperator<String> redactor;

  /** Creates a client that adds {@code Authorization: Token apiKey} to each request itself. */
  public DefectDojoClient(URI base, String apiKey, VmTransport transport) {
    this(base, Optional.of(apiKey), transport, text -> text.replace(apiKey, "****"));
  }

  private DefectDojoClient(
      URI base, Optional<String> apiKey, VmTransport transport, UnaryOperator<String> redactor) {
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text : text + "/");
    this.apiKey = apiKey;
    this.transport = transport;
    this.redactor = redactor;
  }

  /**
   * Creates a client that sends through the engine's HTTP layer; {@code http} must carry {@link
   * io.patchpipeline.engine.http.Credentials#token(String)} with the DefectDojo API key.
   */
  public static DefectDojoClient over(URI base, HttpService http) {
    return new DefectDojoClient(
        base, Optional.empty(), new HttpVmTransport(http), http.redactor()::redact);
  }

  /**
   * Returns the ids of active findings for {@code cve} whose component is exactly {@code component}
   * (DefectDojo's filter matches parts of names, so the results are filtered again).
   */
  public List<Long> findActive(String cve, String component) throws IOException {
    URI next =
        base.resolve(
            "api/v2/findings/?limit=100&active=true&vulnerability_id="
                + encode(cve)
                + "&component_name="
                + encode(component));
    List<Long> ids = new ArrayList<>();
    for (int page = 0; next != null && page < MAX_PAGES; page++) {
      JsonNode body = json(send("GET", next, null));
      for (JsonNode finding : body.path("results")) {
        if (component.isEmpty()
            || component.equalsIgnoreCase(finding.path("component_name").asText())) {
          ids.add(finding.path("id").asLong());
        }
      }
      next = body.path("next").isTextual() ? URI.create(body.path("next").asText()) : null;
    }
    return ids;
  }

  /** Marks one finding mitigated at {@code at}. */
  public void markMitigated(long id, Instant at) throws IOException {
    Map<String, Object> patch = new LinkedHashMap<>();
    patch.put("active", false);
    patch.put("is_mitigated", true);
    patch.put("mitigated", at.toString());
    send(
        "PATCH",
        base.resolve("api/v2/findings/" + id + "/"),
        Json.mapper().writeValueAsBytes(patch));
  }

  /**
   * Marks every active finding of the unit's CVEs on {@code component} mitigated; returns their
   * ids.
   */
  public List<Long> markUnitMitigated(List<String> cves, String component, Instant at)
      throws IOException {
    List<Long> marked = new ArrayList<>();
    for (String cve : cves) {
      for (long id : findActive(cve, component)) {
        markMitigated(id, at);
        marked.add(id);
      }
    }
    return marked;
  }

  private VmTransport.Response send(String method, URI uri, byte[] body) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    apiKey.ifPresent(key -> headers.put("Authorization", "Token " + key));
    headers.put("Accept", "application/json");
    if (body != null) {
      headers.put("Content-Type", "application/json");
    }
    VmTransport.Response response =
        transport.send(new VmTransport.Request(method, uri, headers, body));
    if (!response.isSuccess()) {
      throw new VmException(
          "DefectDojo returned HTTP "
              + response.status()
              + " to "
              + method
              + " "
              + uri.getPath()
              + hint(response.status())
              + detail(response),
          response.status());
    }
    return response;
  }

  private static String hint(int status) {
    return switch (status) {
      case 401, 403 -> ": check the API key and its permission to edit findings";
      case 404 -> ": the finding does not exist or the base URL is wrong";
      default -> "";
    };
  }

  /** Returns the field errors of a 400 response, or its {@code detail}, redacted and shortened. */
  private String detail(VmTransport.Response response) {
    JsonNode body;
    try {
      body = Json.mapper().readTree(response.body());
    } catch (IOException e) {
      return "";
    }
    if (body == null || !body.isObject()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    body.fields()
        .forEachRemaining(
            field -> {
              JsonNode value = field.getValue();
              String text =
                  value.isArray() && !value.isEmpty() ? value.get(0).asText() : value.asText();
              parts.add(
                  field.getKey().equals("detail") ? text : "field " + field.getKey() + ": " + text);
            });
    String joined = redactor.apply(String.join("; ", parts));
    if (joined.isEmpty()) {
      return "";
    }
    return " ("
        + (joined.length() > MAX_DETAIL ? joined.substring(0, MAX_DETAIL) + "..." : joined)
        + ")";
  }

  private static JsonNode json(VmTransport.Response response) throws IOException {
    return Json.mapper().readTree(response.body());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
