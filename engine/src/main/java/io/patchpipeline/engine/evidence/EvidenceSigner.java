package io.patchpipeline.engine.evidence;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks a bundle's manifest. The key bytes come from the caller (in Jenkins, from the
 * credentials store) and never leave this object: {@link #toString()} names only the algorithm.
 */
public final class EvidenceSigner {
  static final String HMAC = "HMAC-SHA256";
  static final String ED25519 = "Ed25519";

  private final String algorithm;
  private final byte[] signingKey;
  private final byte[] verifyingKey;

  private EvidenceSigner(String algorithm, byte[] signingKey, byte[] verifyingKey) {
    this.algorithm = algorithm;
    this.signingKey = signingKey == null ? null : signingKey.clone();
    this.verifyingKey = verifyingKey == null ? null : verifyingKey.clone();
  }

  /** Returns a signer with a shared secret key, which both signs and checks. */
  public static EvidenceSigner hmac(byte[] key) {
    if (key == null || key.length < 16) {
      throw new IllegalArgumentException(
          "The HMAC-SHA256 evidence key must have at least 16 bytes");
    }
    return new EvidenceSigner(HMAC, key, key);
  }

  /**
   * Returns an Ed25519 signer from a PKCS#8 private key and X.509 public key (either may be null: a
   * checker needs only the public key).
   */
  public static EvidenceSigner ed25519(byte[] pkcs8PrivateKey, byte[] x509PublicKey) {
    return new EvidenceSigner(ED25519, pkcs8PrivateKey, x509PublicKey);
  }

  public String algorithm() {
    return algorithm;
  }

  byte[] sign(byte[] data) {
    if (signingKey == null) {
      throw new IllegalStateException(
          "This " + algorithm + " signer has no private key and cannot sign");
    }
    try {
      if (HMAC.equals(algorithm)) {
        return mac(data);
      }
      Signature signature = Signature.getInstance(ED25519);
      PrivateKey key =
          KeyFactory.getInstance(ED25519).generatePrivate(new PKCS8EncodedKeySpec(signingKey));
      signature.initSign(key);
      signature.update(data);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "Cannot sign with " + algorithm + ": " + e.getClass().getSimpleName(), e);
    }
  }

  boolean verify(byte[] data, byte[] expected) {
    if (verifyingKey == null) {
      throw new IllegalStateException(
          "This " + algorithm + " signer has no public key and cannot check");
    }
    try {
      if (HMAC.equals(algorithm)) {
        return MessageDigest.isEqual(mac(data), expected);
      }
      Signature signature = Signature.getInstance(ED25519);
      PublicKey key =
          KeyFactory.getInstance(ED25519).generatePublic(new X509EncodedKeySpec(verifyingKey));
      signature.initVerify(key);
      signature.update(data);
      return signature.verify(expected);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Returns whether {@code bytes} contains the key, so a bundle can be checked for leaks. */
  boolean keyOccursIn(byte[] bytes) {
    return contains(bytes, signingKey) || (HMAC.equals(algorithm) && contains(bytes, verifyingKey));
  }

  private static boolean contains(byte[] bytes, byte[] key) {
    if (key == null || key.length == 0) {
      return false;
    }
    for (int i = 0; i + key.length <= bytes.length; i++) {
      if (Arrays.equals(bytes, i, i + key.length, key, 0, key.length)) {
        return true;
      }
    }
    return false;
  }

  private byte[] mac(byte[] data) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
    return mac.doFinal(data);
  }

  @Override
  public String toString() {
    return "EvidenceSigner[" + algorithm + "]";
  }
}
