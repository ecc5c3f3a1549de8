package io.patchpipeline.engine.evidence.s3;

import io.patchpipeline.engine.core.Hashing;
import io.patchpipeline.engine.http.ApiRequest;
import io.patchpipeline.engine.http.HttpException;
import io.patchpipeline.engine.http.HttpService;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Uploads evidence bundles to S3-compatible object storage with PutObject, path-style ({@code
 * ENDPOINT/BUCKET/KEY}) so that MinIO-style servers work as well as AWS. Each object carries {@code
 * x-amz-checksum-sha256} (and the signature covers {@code x-amz-content-sha256}), so the server
 * rejects a body changed in transit. A bundle's {@code manifest.json} files are uploaded last, the
 * bundle's own one at the very end: a bundle whose upload stopped halfway has no top-level
 * manifest, and {@code evidence verify} on a download of it fails.
 */
public final class S3EvidenceStore {
  private static final Pattern CODE = Pattern.compile("<Code>([^<]{1,100})</Code>");
  private static final Pattern MESSAGE = Pattern.compile("<Message>([^<]{1,300})</Message>");

  private final HttpService http;
  private final URI endpoint;

  /**
   * @param http a service whose credentials are {@link
   *     io.patchpipeline.engine.http.Credentials#signed} with a {@link SigV4Signer}
   * @param endpoint such as {@code https://s3.eu-west-1.amazonaws.com} or {@code
   *     http://127.0.0.1:9000}
   */
  public S3EvidenceStore(HttpService http, URI endpoint) {
    this.http = http;
    this.endpoint = endpoint;
  }

  /** Returns the AWS endpoint of {@code region}. */
  public static URI awsEndpoint(String region) {
    return URI.create("https://s3." + region + ".amazonaws.com");
  }

  /**
   * Uploads every file of {@code bundle} under {@code location}/{@code BUNDLE_NAME}/ and returns
   * the keys in upload order.
   */
  public List<String> upload(Path bundle, S3Location location) throws IOException {
    String name = String.valueOf(bundle.getFileName());
    List<String> keys = new ArrayList<>();
    for (Path file : uploadOrder(bundle)) {
      String relative = bundle.relativize(file).toString().replace('\\', '/');
      String key = location.key(name + "/" + relative);
      putObject(location, key, Files.readAllBytes(file), contentType(relative));
      keys.add(key);
    }
    return keys;
  }

  /** Orders data files first, then nested manifests deepest first, the root manifest last. */
  static List<Path> uploadOrder(Path bundle) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(bundle)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    List<Path> data = new ArrayList<>();
    List<Path> manifests = new ArrayList<>();
    for (Path file : files) {
      String fileName = String.valueOf(file.getFileName());
      if (fileName.equals("manifest.json") || fileName.equals("manifest.sig")) {
        manifests.add(file);
      } else {
        data.add(file);
      }
    }
    manifests.sort(
        Comparator.comparingInt((Path p) -> -bundle.relativize(p).getNameCount())
            .thenComparing(p -> String.valueOf(p.getFileName()).equals("manifest.json") ? 1 : 0)
            .thenComparing(Comparator.naturalOrder()));
    List<Path> ordered = new ArrayList<>(data);
    ordered.addAll(manifests);
    return ordered;
  }

  /** Puts one object; a rejection names the S3 error code, such as SignatureDoesNotMatch. */
  public void putObject(S3Location location, String key, byte[] body, String contentType)
      throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", contentType);
    headers.put(
        "x-amz-checksum-sha256", Base64.getEncoder().encodeToString(Hashing.sha256().digest(body)));
    ApiRequest request =
        new ApiRequest(
            "PUT", location.uri(endpoint, key), headers, body, true, Optional.empty(), "");
    try {
      http.send(request);
    } catch (HttpException e) {
      throw new IOException(describe(e, location, key), e);
    }
  }

  private static String describe(HttpException e, S3Location location, String key) {
    String text = "Upload of s3://" + location.bucket() + "/" + key + " failed: " + e.getMessage();
    if (e.response().isEmpty()) {
      return text;
    }
    String body = e.response().get().text();
    Matcher code = CODE.matcher(body);
    if (!code.find()) {
      return text;
    }
    Matcher message = MESSAGE.matcher(body);
    String hint =
        switch (code.group(1)) {
          case "SignatureDoesNotMatch", "InvalidAccessKeyId" ->
              "; check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_REGION";
          case "NoSuchBucket" -> "; create the bucket or correct --evidence-store";
          case "AccessDenied" -> "; the key needs s3:PutObject on the bucket";
          default -> "";
        };
    return text
        + " ("
        + code.group(1)
        + (message.find() ? ": " + message.group(1) : "")
        + ")"
        + hint;
  }

  private static String contentType(String name) {
    if (name.endsWith(".json") || name.endsWith(".sig")) {
      return "application/json";
    }
    if (name.endsWith(".xml")) {
      return "application/xml";
    }
    return "application/octet-stream";
  }
}
