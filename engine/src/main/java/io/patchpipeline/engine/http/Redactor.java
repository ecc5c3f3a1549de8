package io.patchpipeline.engine.http;

import java.util.ArrayList;
import java.util.List;

/** Replaces every known secret in a text with {@code ****}, so no message can carry one. */
public final class Redactor {
  private static final int SHORTEST_SECRET = 4;

  private final List<String> secrets;

  public Redactor(Credentials credentials) {
    this(credentials.secretForms());
  }

  /** Creates a redactor of the client's credentials and the proxy password of {@code settings}. */
  Redactor(Credentials credentials, HttpSettings settings) {
    this(withProxySecrets(credentials.secretForms(), settings));
  }

  private Redactor(List<String> forms) {
    this.secrets = forms.stream().filter(s -> s.length() >= SHORTEST_SECRET).toList();
  }

  private static List<String> withProxySecrets(List<String> forms, HttpSettings settings) {
    List<String> all = new ArrayList<>(forms);
    settings
        .proxy()
        .ifPresent(p -> all.addAll(p instanceof HttpProxy proxy ? proxy.secretForms() : List.of()));
    return all;
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
