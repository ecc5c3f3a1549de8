package io.patchpipeline.engine.evidence.s3;

import io.patchpipeline.engine.core.Hashing;
import io.patchpipeline.engine.http.ApiRequest;
import io.patchpipeline.engine.http.RequestSigner;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 with the payload signed: every request carries {@code
 * x-amz-content-sha256} with the SHA-256 of its body, never {@code UNSIGNED-PAYLOAD}. Paths are
 * encoded once per segment, as S3 expects (other AWS services encode twice). The signed headers are
 * {@code host}, {@code x-amz-date}, {@code x-amz-content-sha256}, any {@code x-amz-*}, {@code
 * content-md5} and {@code content-type} header of the request.
 */
public final class SigV4Signer implements RequestSigner {
  static final String ALGORITHM = "AWS4-HMAC-SHA256";
  static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final String accessKeyId;
  private final String secretAccessKey;
  private final Optional<String> sessionToken;
  private final String region;
  private final String service;

  /**
   * @param sessionToken the token of temporary credentials, sent as {@code x-amz-security-token}
   * @param service {@code s3} for object storage
   */
  public SigV4Signer(
      String accessKeyId,
      String secretAccessKey,
      Optional<String> sessionToken,
      String region,
      String service) {
    this.accessKeyId = requireText(accessKeyId, "access key id");
    this.secretAccessKey = requireText(secretAccessKey, "secret access key");
    this.sessionToken = Objects.requireNonNull(sessionToken, "sessionToken");
    this.region = requireText(region, "region");
    this.service = requireText(service, "service");
  }

  @Override
  public String keyId() {
    return accessKeyId;
  }

  @Override
  public List<String> secretForms() {
    List<String> forms = new ArrayList<>();
    forms.add(secretAccessKey);
    sessionToken.ifPresent(forms::add);
    return forms;
  }

  @Override
  public Map<String, String> sign(ApiRequest request, Instant now) {
    String amzDate = AMZ_DATE.format(now);
    String payloadHash = Hashing.sha256(request.body());
    Map<String, String> added = new LinkedHashMap<>();
    added.put("x-amz-date", amzDate);
    added.put("x-amz-content-sha256", payloadHash);
    sessionToken.ifPresent(token -> added.put("x-amz-security-token", token));
    Map<String, String> signed = new TreeMap<>();
    signed.put("host", hostHeader(request.uri()));
    request
        .headers()
        .forEach(
            (name, value) -> {
              String lower = name.toLowerCase(Locale.ROOT);
              if (lower.startsWith("x-amz-")
                  || lower.equals("content-md5")
                  || lower.equals("content-type")) {
                signed.put(lower, value);
              }
            });
    added.forEach(signed::put);
    added.put(
        "Authorization", authorization(request.method(), request.uri(), signed, payloadHash, now));
    return added;
  }

  /**
   * Returns the {@code Authorization} header value of a request whose signed headers, with
   * lower-case names, are {@code signedHeaders} and whose body has the SHA-256 {@code
   * payloadSha256}.
   */
  public String authorization(
      String method, URI uri, Map<String, String> signedHeaders, String payloadSha256, Instant at) {
    Map<String, String> sorted = new TreeMap<>();
    signedHeaders.forEach((name, value) -> sorted.put(name.toLowerCase(Locale.ROOT), value));
    String names = String.join(";", sorted.keySet());
    String date = AMZ_DATE.format(at);
    String scope = date.substring(0, 8) + "/" + region + "/" + service + "/aws4_request";
    String canonical = canonicalRequest(method, uri, sorted, names, payloadSha256);
    String stringToSign = ALGORITHM + "\n" + date + "\n" + scope + "\n" + Hashing.sha256(canonical);
    byte[] key = signingKey(date.substring(0, 8));
    String signature = HexFormat.of().formatHex(hmac(key, stringToSign));
    return ALGORITHM
        + " Credential="
        + accessKeyId
        + "/"
        + scope
        + ", SignedHeaders="
        + names
        + ", Signature="
        + signature;
  }

  static String canonicalRequest(
      String method, URI uri, Map<String, String> sortedHeaders, String names, String payload) {
    StringBuilder headers = new StringBuilder();
    sortedHeaders.forEach(
        (name, value) ->
            headers
                .append(name)
                .append(':')
                .append(value.trim().replaceAll(" +", " "))
                .append('\n'));
    return method
        + "\n"
        + canonicalPath(uri)
        + "\n"
        + canonicalQuery(uri)
        + "\n"
        + headers
        + "\n"
        + names
        + "\n"
        + payload;
  }

  static String canonicalPath(URI uri) {
    String raw = uri.getRawPath();
    if (raw == null || raw.isEmpty()) {
      return "/";
    }
    StringBuilder path = new StringBuilder();
    String[] segments = raw.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      if (i > 0) {
        path.append('/');
      }
      path.append(
          encode(URLDecoder.decode(segments[i].replace("+", "%2B"), StandardCharsets.UTF_8)));
    }
    return path.toString();
  }

  static String canonicalQuery(URI uri) {
    String raw = uri.getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    List<String[]> pairs = new ArrayList<>();
    for (String pair : raw.split("&")) {
      String[] parts = pair.split("=", 2);
      pairs.add(
          new String[] {
            encode(decode(parts[0])), parts.length > 1 ? encode(decode(parts[1])) : ""
          });
    }
    pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    List<String> joined = new ArrayList<>();
    for (String[] pair : pairs) {
      joined.add(pair[0] + "=" + pair[1]);
    }
    return String.join("&", joined);
  }

  /** Percent-encodes everything but RFC 3986 unreserved characters, with upper-case hex. */
  static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      boolean unreserved =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '.'
              || c == '~';
      if (unreserved) {
        out.append(c);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** Returns the {@code Host} header that the JDK client sends: the port only when not default. */
  static String hostHeader(URI uri) {
    int port = uri.getPort();
    boolean defaultPort =
        port < 0
            || (port == 80 && "http".equalsIgnoreCase(uri.getScheme()))
            || (port == 443 && "https".equalsIgnoreCase(uri.getScheme()));
    return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
  }

  private byte[] signingKey(String day) {
    byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), day);
    key = hmac(key, region);
    key = hmac(key, service);
    return hmac(key, "aws4_request");
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is missing from this Java runtime", e);
    }
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("missing " + name + ": it must not be empty");
    }
    return value;
  }

  @Override
  public String toString() {
    return "SigV4Signer[" + accessKeyId + ", " + region + ", " + service + ", secret=****]";
  }
}
