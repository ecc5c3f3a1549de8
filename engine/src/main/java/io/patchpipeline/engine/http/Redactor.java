package io.patchpipeline.engine.http;

import java.util.List;

/** Replaces every known secret in a text with {@code ****}, so no message can carry one. */
public final class Redactor {
  private static final int SHORTEST_SECRET = 4;

  private final List<String> secrets;

  public Redactor(Credentials credentials) {
    this.secrets =
        credentials.secretForms().stream().filter(s -> s.length() >= SHORTEST_SECRET).toList();
  }

  public String redact(String text) {
    if (text == null) {
      return "";
    }
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, "****");
    }
    return result;
  }
}
