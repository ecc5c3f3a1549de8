package io.patchpipeline.engine.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/** A {@code multipart/form-data} body (RFC 7578) with one file part, for attachment uploads. */
public final class Multipart {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String boundary;
  private final byte[] body;

  private Multipart(String boundary, byte[] body) {
    this.boundary = boundary;
    this.body = body;
  }

  /** Builds a body with the file {@code fileName} in the form field {@code field}. */
  public static Multipart ofFile(String field, String fileName, String mediaType, byte[] content) {
    byte[] random = new byte[12];
    RANDOM.nextBytes(random);
    String boundary = "----patch-pipeline-" + HexFormat.of().formatHex(random);
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 512);
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + quote(field)
            + "\"; filename=\""
            + quote(fileName)
            + "\"\r\nContent-Type: "
            + mediaType
            + "\r\n\r\n";
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return new Multipart(boundary, out.toByteArray());
  }

  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  public byte[] body() {
    return body.clone();
  }

  private static String quote(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "");
  }
}
