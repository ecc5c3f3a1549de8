package io.patchpipeline.engine.intel;

import io.patchpipeline.engine.core.InputException;

/** Parsing of EPSS scores and percentiles into the fixed point of {@link PackedEpssTable}. */
final class EpssValues {
  private EpssValues() {}

  /**
   * Parses a decimal from 0 to 1, such as {@code 0.97567}, {@code 0.975670000} or {@code 4.3e-05},
   * rounded to nine decimal places.
   */
  static int parse(String text, String field, String file, int line) {
    return parse(text, field, file, "line " + line);
  }

  static int parse(String text, String field, String file, String position) {
    if (!isPlainDecimal(text)) {
      throw invalid(text, field, file, position);
    }
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw invalid(text, field, file, position);
    }
    if (!(value >= 0 && value <= 1)) {
      throw invalid(text, field, file, position);
    }
    return (int) Math.round(value * PackedEpssTable.SCALE);
  }

  /**
   * Whether the text is digits with an optional point and exponent. {@link Double#parseDouble} also
   * takes hexadecimal floats, type suffixes and surrounding spaces, which no EPSS file holds.
   */
  private static boolean isPlainDecimal(String text) {
    int i = 0;
    int n = text.length();
    int digits = 0;
    while (i < n && isDigit(text.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && text.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(text.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
        i++;
      }
      int exponentStart = i;
      while (i < n && isDigit(text.charAt(i))) {
        i++;
      }
      if (i == exponentStart) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static InputException invalid(String text, String field, String file, String position) {
    return new InputException(
        file, position, field + " '" + text + "' is invalid; expected a decimal from 0 to 1");
  }
}
