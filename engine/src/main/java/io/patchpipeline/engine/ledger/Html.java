package io.patchpipeline.engine.ledger;

import java.util.Locale;

/** Text escaping and number formatting for the HTML report. */
public final class Html {
  private Html() {}

  /** Escapes text for HTML element content and quoted attribute values. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Formats a number with one decimal, the same in every locale. */
  static String number(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
