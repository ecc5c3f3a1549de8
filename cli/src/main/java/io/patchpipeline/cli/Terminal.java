package io.patchpipeline.cli;

/**
 * Makes report-controlled text safe to print: control characters (escape sequences, carriage
 * returns, line breaks) and Unicode bidirectional overrides are shown as {@code \\uXXXX}, so that a
 * report cannot forge lines or recolor a terminal.
 */
final class Terminal {
  private Terminal() {}

  static String safe(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean unsafe =
          (Character.isISOControl(c) && c != '\t')
              || (c >= '\u202a' && c <= '\u202e')
              || (c >= '\u2066' && c <= '\u2069')
              || c == '\u200e'
              || c == '\u200f';
      if (unsafe && out == null) {
        out = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (out != null) {
        if (unsafe) {
          out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }
}
