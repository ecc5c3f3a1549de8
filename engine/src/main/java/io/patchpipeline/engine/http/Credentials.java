package io.patchpipeline.engine.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The authentication of a client: nothing, HTTP Basic (user and password or API token), a Bearer
 * token, a DefectDojo-style {@code Token} key, or a {@link RequestSigner} that signs each request
 * (AWS Signature Version 4). The secret leaves this object only as the {@code Authorization} header
 * value that {@link HttpService} sends; {@link #toString()} shows the scheme and user, never the
 * secret.
 */
public final class Credentials {
  private static final Credentials NONE = new Credentials(Scheme.NONE, "", "", null);

  /** The HTTP authentication scheme. */
  public enum Scheme {
    NONE,
    BASIC,
    BEARER,
    /** {@code Authorization: Token KEY}, as Django REST framework APIs such as DefectDojo use. */
    TOKEN,
    /** Headers computed per request by a {@link RequestSigner}. */
    SIGNED
  }

  private final Scheme scheme;
  private final String user;
  private final String secret;
  private final RequestSigner signer;

  private Credentials(Scheme scheme, String user, String secret, RequestSigner signer) {
    this.scheme = scheme;
    this.user = user;
    this.secret = secret;
    this.signer = signer;
  }

  public static Credentials none() {
    return NONE;
  }

  /** Returns HTTP Basic credentials, such as a Jira Cloud account e-mail and API token. */
  public static Credentials basic(String user, String password) {
    Objects.requireNonNull(user, "user");
    requireSecret(password, "password");
    if (user.contains(":")) {
      throw new IllegalArgumentException("invalid user name: HTTP Basic forbids ':' in it");
    }
    return new Credentials(Scheme.BASIC, user, password, null);
  }

  /** Returns a Bearer token, such as a Jira Data Center personal access token. */
  public static Credentials bearer(String token) {
    requireSecret(token, "token");
    return new Credentials(Scheme.BEARER, "", token, null);
  }

  /**
   * Returns an API key sent as {@code Authorization: Token KEY}, as DefectDojo's API v2 expects.
   */
  public static Credentials token(String key) {
    requireSecret(key, "API key");
    if (key.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
      throw new IllegalArgumentException(
          "invalid API key: it contains white space or a control character");
    }
    return new Credentials(Scheme.TOKEN, "", key, null);
  }

  /**
   * Returns credentials that sign every request with {@code signer}, such as AWS Signature Version
   * 4; the signer's access key id is shown as the user.
   */
  public static Credentials signed(RequestSigner signer) {
    Objects.requireNonNull(signer, "signer");
    return new Credentials(Scheme.SIGNED, signer.keyId(), "", signer);
  }

  public Scheme scheme() {
    return scheme;
  }

  public String user() {
    return user;
  }

  /**
   * Returns the authentication headers of {@code request} sent at {@code now}: the {@code
   * Authorization} value, and for {@link Scheme#SIGNED} the headers the signature covers.
   */
  Map<String, String> headers(ApiRequest request, Instant now) {
    return switch (scheme) {
      case NONE -> Map.of();
      case BASIC -> Map.of("Authorization", "Basic " + basicToken());
      case BEARER -> Map.of("Authorization", "Bearer " + secret);
      case TOKEN -> Map.of("Authorization", "Token " + secret);
      case SIGNED -> signer.sign(request, now);
    };
  }

  /**
   * Returns every form in which the secret could show up in text, for {@link Redactor} and evidence
   * checks.
   */
  public List<String> secretForms() {
    List<String> forms = new ArrayList<>();
    if (scheme == Scheme.NONE) {
      return forms;
    }
    if (scheme == Scheme.SIGNED) {
      forms.addAll(signer.secretForms());
      return forms;
    }
    forms.add(secret);
    forms.add(base64(secret));
    forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(utf8(secret)));
    if (scheme == Scheme.BASIC) {
      forms.add(basicToken());
    }
    return forms;
  }

  private static String base64(String text) {
    return Base64.getEncoder().withoutPadding().encodeToString(utf8(text));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private String basicToken() {
    return Base64.getEncoder()
        .encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  private static void requireSecret(String value, String name) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("missing " + name + ": it must not be empty");
    }
  }

  @Override
  public String toString() {
    return switch (scheme) {
      case NONE -> "Credentials[none]";
      case BASIC -> "Credentials[basic, user=" + user + ", password=****]";
      case BEARER -> "Credentials[bearer, token=****]";
      case TOKEN -> "Credentials[token, key=****]";
      case SIGNED -> "Credentials[signed, key id=" + user + ", secret=****]";
    };
  }
}
