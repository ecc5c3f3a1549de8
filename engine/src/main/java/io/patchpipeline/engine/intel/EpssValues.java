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

  private static InputException invalid(String text, String field, String file, String position) {
    return new InputException(
        file, position, field + " '" + text + "' is invalid; expected a decimal from 0 to 1");
  }
}
