package io.patchpipeline.engine.service;

import io.patchpipeline.engine.evidence.EvidenceSigner;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Turns the content of a key file into an evidence signer: a PEM {@code PRIVATE KEY} (PKCS#8, as
 * {@code openssl genpkey -algorithm ed25519} writes it) signs with Ed25519, and any other content
 * is a shared HMAC-SHA256 key of at least 16 bytes. Messages never contain key bytes.
 */
public final class SigningKeys {
  private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String PEM_END = "-----END PRIVATE KEY-----";

  private SigningKeys() {}

  /**
   * Returns the signer for {@code content}.
   *
   * @throws IllegalArgumentException when an HMAC key is shorter than 16 bytes or a PEM key is not
   *     valid Base64
   */
  public static EvidenceSigner signer(byte[] content) {
    String text = new String(content, StandardCharsets.US_ASCII).trim();
    if (!text.startsWith(PEM_BEGIN)) {
      return EvidenceSigner.hmac(content);
    }
    int end = text.indexOf(PEM_END);
    if (end < 0) {
      throw new IllegalArgumentException(
          "The PEM signing key has no '" + PEM_END + "' line; expected a PKCS#8 Ed25519 key");
    }
    String body = text.substring(PEM_BEGIN.length(), end).replaceAll("\\s", "");
    try {
      return EvidenceSigner.ed25519(Base64.getDecoder().decode(body), null);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "The PEM signing key is not valid Base64; expected a PKCS#8 Ed25519 key", e);
    }
  }
}
