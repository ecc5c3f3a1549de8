package io.patchpipeline.engine.evidence.s3;

import java.net.URI;
import java.util.Objects;

/**
 * A bucket and key prefix, written {@code s3://BUCKET/PREFIX}.
 *
 * @param prefix the key prefix without leading or trailing slash; empty for the bucket's root
 */
public record S3Location(String bucket, String prefix) {
  public S3Location {
    Objects.requireNonNull(bucket, "bucket");
    prefix = Objects.requireNonNullElse(prefix, "");
    if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
      throw new IllegalArgumentException(
          "invalid bucket name '"
              + bucket
              + "': expected 3 to 63 lower-case letters, digits, dots or hyphens");
    }
  }

  /** Parses {@code s3://BUCKET/PREFIX}; the prefix may be empty. */
  public static S3Location parse(String text) {
    if (text == null || !text.startsWith("s3://")) {
      throw new IllegalArgumentException(
          "invalid evidence store '" + text + "': expected s3://BUCKET/PREFIX");
    }
    String rest = text.substring("s3://".length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String prefix = slash < 0 ? "" : rest.substring(slash + 1);
    while (prefix.endsWith("/")) {
      prefix = prefix.substring(0, prefix.length() - 1);
    }
    return new S3Location(bucket, prefix);
  }

  /** Returns the key of {@code relative} under the prefix. */
  public String key(String relative) {
    return prefix.isEmpty() ? relative : prefix + "/" + relative;
  }

  /** Returns the path-style URI of {@code key} on {@code endpoint}, as MinIO and S3 accept. */
  public URI uri(URI endpoint, String key) {
    String base = endpoint.toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    StringBuilder path = new StringBuilder();
    for (String segment : key.split("/", -1)) {
      path.append('/').append(SigV4Signer.encode(segment));
    }
    return URI.create(base + "/" + bucket + path);
  }

  @Override
  public String toString() {
    return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
  }
}
