package io.patchpipeline.engine.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request to an external API. Headers here never carry credentials: {@link HttpService} adds
 * the {@code Authorization} header when it sends the request.
 *
 * @param idempotent whether sending it twice has the effect of sending it once (GET, PUT, a search
 *     by POST); a non-idempotent request whose response is lost fails with {@link
 *     HttpException#outcomeUnknown()} instead of being sent again
 * @param idempotencyKey a key for APIs that deduplicate retried writes by a header, sent as {@code
 *     Idempotency-Key} unless {@link #idempotencyHeader} names another header
 */
public record ApiRequest(
    String method,
    URI uri,
    Map<String, String> headers,
    byte[] body,
    boolean idempotent,
    Optional<String> idempotencyKey,
    String idempotencyHeader) {

  public static final String JSON = "application/json";

  public ApiRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    headers = Map.copyOf(headers);
    body = body == null ? new byte[0] : body;
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(idempotencyHeader, "idempotencyHeader");
    for (String name : headers.keySet()) {
      if (name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Proxy-Authorization")) {
        throw new IllegalArgumentException(
            "invalid header "
                + name
                + " on an ApiRequest: credentials belong in Credentials or HttpProxy");
      }
    }
  }

  public static ApiRequest get(URI uri) {
    return new ApiRequest(
        "GET", uri, Map.of("Accept", JSON), null, true, Optional.empty(), "Idempotency-Key");
  }

  /** Returns a JSON POST that creates something and so must not be sent twice blindly. */
  public static ApiRequest postJson(URI uri, String json) {
    return json("POST", uri, json, false);
  }

  /** Returns a JSON POST that only reads, such as a search; safe to resend. */
  public static ApiRequest searchJson(URI uri, String json) {
    return json("POST", uri, json, true);
  }

  public static ApiRequest putJson(URI uri, String json) {
    return json("PUT", uri, json, true);
  }

  public static ApiRequest patchJson(URI uri, String json) {
    return json("PATCH", uri, json, true);
  }

  private static ApiRequest json(String method, URI uri, String json, boolean idempotent) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", JSON);
    headers.put("Content-Type", JSON + "; charset=utf-8");
    return new ApiRequest(
        method,
        uri,
        headers,
        json.getBytes(StandardCharsets.UTF_8),
        idempotent,
        Optional.empty(),
        "Idempotency-Key");
  }

  /** Returns a copy with one more header. */
  public ApiRequest withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new ApiRequest(method, uri, copy, body, idempotent, idempotencyKey, idempotencyHeader);
  }

  /** Returns a copy with a body of another content type, such as multipart form data. */
  public ApiRequest withBody(byte[] bytes, String contentType) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put("Content-Type", contentType);
    return new ApiRequest(method, uri, copy, bytes, idempotent, idempotencyKey, idempotencyHeader);
  }

  /**
   * Returns a copy sent with {@code key} in the header {@code header}; the API deduplicates retries
   * by it, so the request becomes safe to resend.
   */
  public ApiRequest withIdempotencyKey(String header, String key) {
    return new ApiRequest(method, uri, headers, body, true, Optional.of(key), header);
  }

  /** Returns whether the request changes something, which the write throttle limits. */
  public boolean isWrite() {
    return !method.toUpperCase(Locale.ROOT).equals("GET")
        && !method.toUpperCase(Locale.ROOT).equals("HEAD");
  }

  /** Returns the method and the URI without user info, for messages. */
  public String describe() {
    return method + " " + safeUri(uri);
  }

  static String safeUri(URI uri) {
    if (uri.getRawUserInfo() == null) {
      return uri.toString();
    }
    return uri.getScheme()
        + "://"
        + uri.getHost()
        + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
        + uri.getRawPath()
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  @Override
  public String toString() {
    return "ApiRequest[" + describe() + ", " + body.length + " bytes]";
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
