package io.patchpipeline.engine.service;

import io.patchpipeline.engine.evidence.EvidenceSigner;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Turns the content of a key file into an evidence signer: a PEM {@code PRIVATE KEY} (PKCS#8, as
 * {@code openssl genpkey -algorithm ed25519} writes it) signs with Ed25519, a PEM {@code PUBLIC
 * KEY} (X.509, as {@code openssl pkey -pubout} writes it) checks Ed25519 signatures, and any other
 * content is a shared HMAC-SHA256 key of at least 16 bytes. Messages never contain key bytes.
 */
public final class SigningKeys {
  private static final String PRIVATE = "PRIVATE KEY";
  private static final String PUBLIC = "PUBLIC KEY";

  private SigningKeys() {}

  /**
   * Returns the signer for {@code content}.
   *
   * <p>A signer from a public key only checks, and one from a private key only signs.
   *
   * @throws IllegalArgumentException when an HMAC key is shorter than 16 bytes or a PEM key is not
   *     valid Base64
   */
  public static EvidenceSigner signer(byte[] content) {
    String text = new String(content, StandardCharsets.US_ASCII).trim();
    if (text.startsWith(begin(PRIVATE))) {
      return EvidenceSigner.ed25519(pem(text, PRIVATE), null);
    }
    if (text.startsWith(begin(PUBLIC))) {
      return EvidenceSigner.ed25519(null, pem(text, PUBLIC));
    }
    return EvidenceSigner.hmac(content);
  }

  private static String begin(String label) {
    return "-----BEGIN " + label + "-----";
  }

  private static byte[] pem(String text, String label) {
    String end = "-----END " + label + "-----";
    int stop = text.indexOf(end);
    if (stop < 0) {
      throw new IllegalArgumentException(
          "The PEM key has no '" + end + "' line; expected an Ed25519 " + label);
    }
    String body = text.substring(begin(label).length(), stop).replaceAll("\\s", "");
    try {
      return Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "The PEM key is not valid Base64; expected an Ed25519 " + label, e);
    }
  }
}
