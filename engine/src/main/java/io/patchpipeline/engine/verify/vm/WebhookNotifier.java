package io.patchpipeline.engine.verify.vm;

import io.patchpipeline.engine.core.Json;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts a JSON event to a generic webhook. The body is signed with HMAC-SHA256 over its exact
 * bytes, sent as {@code X-Patch-Pipeline-Signature: sha256=HEX}, so a receiver can check that the
 * event came from a holder of the shared secret. An event sent with a delivery id carries it as
 * {@code X-Patch-Pipeline-Delivery}, so a receiver can drop a retried delivery it already has.
 */
public final class WebhookNotifier {
  public static final String SIGNATURE_HEADER = "X-Patch-Pipeline-Signature";
  public static final String DELIVERY_HEADER = "X-Patch-Pipeline-Delivery";

  private final URI url;
  private final byte[] secret;
  private final VmTransport transport;

  public WebhookNotifier(URI url, byte[] secret, VmTransport transport) {
    this.url = url;
    this.secret = secret.clone();
    this.transport = transport;
  }

  /** Sends {@code event} as JSON; a response other than 2xx raises {@link VmException}. */
  public void send(Object event) throws IOException {
    send("", event);
  }

  /**
   * Sends {@code event} as JSON with {@code deliveryId}, the same for every retry of this event; an
   * empty id sends none.
   */
  public void send(String deliveryId, Object event) throws IOException {
    byte[] body = Json.mapper().writeValueAsBytes(event);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put(SIGNATURE_HEADER, signature(secret, body));
    if (!deliveryId.isEmpty()) {
      headers.put(DELIVERY_HEADER, deliveryId);
    }
    VmTransport.Response response =
        transport.send(new VmTransport.Request("POST", url, headers, body));
    if (!response.isSuccess()) {
      throw new VmException(
          "The webhook returned HTTP "
              + response.status()
              + " to POST "
              + url.getHost()
              + url.getPath(),
          response.status());
    }
  }

  /** Returns the header value {@code sha256=HEX} for {@code body}. */
  public static String signature(byte[] secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is missing from this Java runtime", e);
    }
  }

  /** Returns whether {@code header} is the signature of {@code body}, compared in constant time. */
  public static boolean isValid(byte[] secret, byte[] body, String header) {
    if (header == null) {
      return false;
    }
    return MessageDigest.isEqual(
        signature(secret, body).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        header.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }
}
