package io.patchpipeline.engine.http;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Replaces every known secret in a text with {@code ****}, so no message can carry one. A secret is
 * found in each form that {@link Credentials#secretForms()} and the proxy settings list, in any
 * letter case and with any characters percent-encoded. Every run of at least {@value #RUN}
 * characters of a form is masked too, so a server's echo that was cut, or that shows only the start
 * of a token, leaks no part longer than {@value #RUN} characters minus one. Callers redact a text
 * before they shorten it.
 */
public final class Redactor {
  private static final int SHORTEST_SECRET = 4;

  /** The shortest part of a secret that is masked on its own. */
  static final int RUN = 8;

  private static final String MASK = "****";

  /** Forms shorter than {@link #RUN}, matched whole, in lower case. */
  private final List<String> shortForms = new ArrayList<>();

  /** Every {@link #RUN}-character part of each longer form, in lower case. */
  private final Set<String> runs = new HashSet<>();

  public Redactor(Credentials credentials) {
    this(credentials.secretForms());
  }

  /** Creates a redactor of the client's credentials and the proxy password of {@code settings}. */
  Redactor(Credentials credentials, HttpSettings settings) {
    this(withProxySecrets(credentials.secretForms(), settings));
  }

  private Redactor(List<String> forms) {
    for (String form : forms) {
      if (form.length() < SHORTEST_SECRET) {
        continue;
      }
      String lower = lower(form);
      if (lower.length() < RUN) {
        shortForms.add(lower);
      } else {
        for (int i = 0; i + RUN <= lower.length(); i++) {
          runs.add(lower.substring(i, i + RUN));
        }
      }
    }
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
    if (shortForms.isEmpty() && runs.isEmpty()) {
      return text;
    }
    boolean[] masked = new boolean[text.length()];
    mark(View.plain(text), masked);
    mark(View.percentDecoded(text), masked);
    return apply(text, masked);
  }

  /** Marks the characters of {@code text} that belong to a secret seen through {@code view}. */
  private void mark(View view, boolean[] masked) {
    String lower = view.lower;
    for (String form : shortForms) {
      for (int at = lower.indexOf(form); at >= 0; at = lower.indexOf(form, at + 1)) {
        view.mark(at, at + form.length(), masked);
      }
    }
    for (int i = 0; i + RUN <= lower.length(); i++) {
      if (runs.contains(lower.substring(i, i + RUN))) {
        view.mark(i, i + RUN, masked);
      }
    }
  }

  private static String apply(String text, boolean[] masked) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      if (!masked[i]) {
        out.append(text.charAt(i));
      } else if (i == 0 || !masked[i - 1]) {
        out.append(MASK);
      }
    }
    return out.toString();
  }

  /** Lower-cases char by char, so that indexes stay those of the original text. */
  private static String lower(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      out.append(Character.toLowerCase(text.charAt(i)));
    }
    return out.toString();
  }

  /**
   * A lower-cased view of a text with, for each of its characters, the range of the original text
   * it came from; percent-decoding turns {@code %2D} (three characters) into one.
   */
  private static final class View {
    final String lower;
    final int[] start;
    final int[] end;

    private View(String lower, int[] start, int[] end) {
      this.lower = lower;
      this.start = start;
      this.end = end;
    }

    static View plain(String text) {
      int[] start = new int[text.length()];
      int[] end = new int[text.length()];
      for (int i = 0; i < text.length(); i++) {
        start[i] = i;
        end[i] = i + 1;
      }
      return new View(lower(text), start, end);
    }

    static View percentDecoded(String text) {
      StringBuilder decoded = new StringBuilder(text.length());
      int[] start = new int[text.length()];
      int[] end = new int[text.length()];
      int n = 0;
      int i = 0;
      while (i < text.length()) {
        int width = 1;
        char c = text.charAt(i);
        if (c == '%' && isHex(text, i + 1) && isHex(text, i + 2)) {
          c = (char) Integer.parseInt(text.substring(i + 1, i + 3), 16);
          width = 3;
        }
        decoded.append(Character.toLowerCase(c));
        start[n] = i;
        end[n] = i + width;
        n++;
        i += width;
      }
      return new View(decoded.toString(), start, end);
    }

    private static boolean isHex(String text, int at) {
      return at < text.length() && Character.digit(text.charAt(at), 16) >= 0;
    }

    void mark(int from, int to, boolean[] masked) {
      for (int i = start[from]; i < end[to - 1]; i++) {
        masked[i] = true;
      }
    }
  }
}
