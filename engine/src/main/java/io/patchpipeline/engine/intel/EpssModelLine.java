package io.patchpipeline.engine.intel;

import io.patchpipeline.engine.core.InputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The first line of a FIRST EPSS CSV file since 2022, such as {@code
 * #model_version:v2023.03.01,score_date:2023-03-07T00:00:00+0000}. Keys it does not know are
 * ignored; the score date keeps only its calendar date, because FIRST has written the time both as
 * {@code T00:00:00+0000} and {@code T12:55:00Z}.
 */
record EpssModelLine(String modelVersion, Optional<LocalDate> scoreDate) {
  private static final int ISO_DATE_LENGTH = 10;

  static EpssModelLine parse(String text, String file, int line) {
    String modelVersion = "";
    Optional<LocalDate> scoreDate = Optional.empty();
    for (String pair : text.substring(1).split(",")) {
      int colon = pair.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = pair.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = pair.substring(colon + 1).trim();
      if (key.equals("model_version")) {
        modelVersion = value;
      } else if (key.equals("score_date")) {
        scoreDate = Optional.of(parseDate(value, "score_date", file, "line " + line));
      }
    }
    return new EpssModelLine(modelVersion, scoreDate);
  }

  /** Parses the date at the start of an ISO date or date-time, such as the API's {@code date}. */
  static LocalDate parseDate(String value, String field, String file, String position) {
    try {
      return LocalDate.parse(value.length() > ISO_DATE_LENGTH ? value.substring(0, 10) : value);
    } catch (DateTimeParseException e) {
      throw new InputException(
          file,
          position,
          field + " '" + value + "' is not a date; expected YYYY-MM-DD or an ISO date-time",
          e);
    }
  }
}
