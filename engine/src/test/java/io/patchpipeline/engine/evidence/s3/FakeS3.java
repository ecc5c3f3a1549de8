package io.patchpipeline.engine.evidence.s3;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.patchpipeline.engine.core.Hashing;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An S3 PutObject endpoint on 127.0.0.1, path-style, that checks requests as S3 documents: the
 * SigV4 signature recomputed with the server's copy of the secret (403 SignatureDoesNotMatch), the
 * body against {@code x-amz-content-sha256} (400 XAmzContentSHA256Mismatch) and against {@code
 * x-amz-checksum-sha256} (400 BadDigest). It also rejects {@code UNSIGNED-PAYLOAD}, which this
 * project never sends.
 */
public final class FakeS3 implements AutoCloseable {
  public static final String ACCESS_KEY = "AKIAFAKES3TESTKEY01";
  public static final String SECRET_KEY = "fake-s3-secret-key/abcdefghijklmnop0123";
  public static final String REGION = "eu-central-1";

  private static final Pattern AUTH =
      Pattern.compile(
          "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/s3/aws4_request,"
              + " SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})");

  public final Map<String, byte[]> objects = Collections.synchronizedMap(new LinkedHashMap<>());
  public final List<String> contentHashes = Collections.synchronizedList(new ArrayList<>());
  public final Deque<Integer> failures = new ConcurrentLinkedDeque<>();
  private final HttpServer server;

  public FakeS3() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String contentHash = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
    contentHashes.add(String.valueOf(contentHash));
    Integer failure = failures.poll();
    if (failure != null) {
      exchange.getResponseHeaders().set("Retry-After", "1");
      error(exchange, failure, "SlowDown", "Please reduce your request rate.");
      return;
    }
    if (!"PUT".equals(exchange.getRequestMethod())) {
      error(exchange, 405, "MethodNotAllowed", "Only PutObject is implemented.");
      return;
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    Matcher auth = AUTH.matcher(authorization == null ? "" : authorization);
    if (!auth.matches() || !auth.group(1).equals(ACCESS_KEY)) {
      error(exchange, 403, "InvalidAccessKeyId", "The AWS access key Id does not exist.");
      return;
    }
    if (contentHash == null || contentHash.equals("UNSIGNED-PAYLOAD")) {
      error(exchange, 403, "AccessDenied", "This server requires a signed payload.");
      return;
    }
    if (!contentHash.equals(Hashing.sha256(body))) {
      error(exchange, 400, "XAmzContentSHA256Mismatch", "The provided hash does not match.");
      return;
    }
    String checksum = exchange.getRequestHeaders().getFirst("x-amz-checksum-sha256");
    if (checksum == null
        || !checksum.equals(Base64.getEncoder().encodeToString(Hashing.sha256().digest(body)))) {
      error(exchange, 400, "BadDigest", "The SHA256 you specified did not match.");
      return;
    }
    if (!signature(exchange, auth, contentHash).equals(auth.group(5))) {
      error(
          exchange,
          403,
          "SignatureDoesNotMatch",
          "The request signature we calculated does not match the signature you provided.");
      return;
    }
    String path = exchange.getRequestURI().getPath();
    objects.put(path.substring(1), body);
    exchange.getResponseHeaders().set("ETag", "\"" + Hashing.sha256(body).substring(0, 32) + "\"");
    exchange.sendResponseHeaders(200, -1);
    exchange.close();
  }

  private static String signature(HttpExchange exchange, Matcher auth, String contentHash) {
    Map<String, String> signed = new LinkedHashMap<>();
    for (String name : auth.group(4).split(";")) {
      String value = exchange.getRequestHeaders().getFirst(name);
      signed.put(name, value == null ? "" : value);
    }
    String amzDate = signed.getOrDefault("x-amz-date", "");
    Instant at =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC)
            .parse(amzDate, Instant::from);
    SigV4Signer server = new SigV4Signer(ACCESS_KEY, SECRET_KEY, Optional.empty(), REGION, "s3");
    URI uri = URI.create("http://" + signed.get("host") + exchange.getRequestURI().getRawPath());
    String expected =
        server.authorization(exchange.getRequestMethod(), uri, signed, contentHash, at);
    return expected.substring(expected.lastIndexOf('=') + 1);
  }

  private static void error(HttpExchange exchange, int status, String code, String message)
      throws IOException {
    byte[] bytes =
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>"
                + code
                + "</Code><Message>"
                + message
                + "</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/xml");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
