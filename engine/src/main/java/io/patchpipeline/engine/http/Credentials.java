package io.patchpipeline.engine.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The authentication of a client: nothing, HTTP Basic (user and password or API token) or a Bearer
 * token. The secret leaves this object only as the {@code Authorization} header value that {@link
 * HttpService} sends; {@link #toString()} shows the scheme and user, never the secret.
 */
public final class Credentials {
  private static final Credentials NONE = new Credentials(Scheme.NONE, "", "");

  /** The HTTP authentication scheme. */
  public enum Scheme {
    NONE,
    BASIC,
    BEARER
  }

  private final Scheme scheme;
  private final String user;
  private final String secret;

  private Credentials(Scheme scheme, String user, String secret) {
    this.scheme = scheme;
    this.user = user;
    this.secret = secret;
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
    return new Credentials(Scheme.BASIC, user, password);
  }

  /** Returns a Bearer token, such as a Jira Data Center personal access token. */
  public static Credentials bearer(String token) {
    requireSecret(token, "token");
    return new Credentials(Scheme.BEARER, "", token);
  }

  public Scheme scheme() {
    return scheme;
  }

  public String user() {
    return user;
  }

  /** Returns the {@code Authorization} header value, absent for {@link Scheme#NONE}. */
  Optional<String> authorization() {
    return switch (scheme) {
      case NONE -> Optional.empty();
      case BASIC -> Optional.of("Basic " + basicToken());
      case BEARER -> Optional.of("Bearer " + secret);
    };
  }

  /**
   * Returns every form in which the secret could show up in text, for {@link Redactor} and evidence
   * checks.
   */
  public List<String> secretForms() {
    List<String> forms = new ArrayList<>();
    if (scheme != Scheme.NONE) {
      forms.add(secret);
    }
    if (scheme == Scheme.BASIC) {
      forms.add(basicToken());
    }
    return forms;
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
    };
  }
}
