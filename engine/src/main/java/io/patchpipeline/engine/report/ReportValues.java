package io.patchpipeline.engine.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Conversions that several report formats share: aliases, dates and version lists. */
final class ReportValues {
  private ReportValues() {}

  /** Returns {@code ids} without blanks, repeats and {@code id} itself, CVE ids first. */
  static List<String> aliases(String id, Collection<String> ids) {
    Set<String> unique = new LinkedHashSet<>();
    for (String alias : ids) {
      if (alias != null && !alias.isBlank() && !alias.trim().equalsIgnoreCase(id)) {
        unique.add(alias.trim());
      }
    }
    List<String> ordered = new ArrayList<>();
    unique.stream().filter(Finding::isCve).forEach(ordered::add);
    unique.stream().filter(alias -> !Finding.isCve(alias)).forEach(ordered::add);
    return ordered;
  }

  /** Reads the date of an ISO 8601 date or timestamp; anything else gives an empty result. */
  static Optional<LocalDate> date(String text) {
    if (text == null || text.length() < 10) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text.substring(0, 10)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Splits a list such as {@code "2.17.1, 2.12.2"} into its versions. */
  static List<String> versions(String text) {
    List<String> versions = new ArrayList<>();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        versions.add(part.trim());
      }
    }
    return versions;
  }

  /** Returns the first line of a description, cut to 200 characters, as a finding's title. */
  static String title(String description) {
    String line = description.strip().lines().findFirst().orElse("");
    return line.length() <= 200 ? line : line.substring(0, 199) + "\u2026";
  }
}
