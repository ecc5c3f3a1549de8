package io.patchpipeline.engine.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Field conversions that the host-scanner, SARIF and Dependency-Check parsers share. */
final class Fields {
  /** The package of a host scanner's finding: a product on the host with no package name. */
  static final PackageRef APPLICATION = new PackageRef("", "", "", "", PackageKind.APPLICATION);

  private static final Pattern CVE =
      Pattern.compile("CVE-\\d{4}-\\d{4,}", Pattern.CASE_INSENSITIVE);
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/MM/dd");

  private Fields() {}

  /** Returns the CVE ids in {@code text}, upper-case, without repeats, in order of appearance. */
  static List<String> cveIds(String text) {
    Set<String> ids = new LinkedHashSet<>();
    if (text != null) {
      Matcher matcher = CVE.matcher(text);
      while (matcher.find()) {
        ids.add(matcher.group().toUpperCase(Locale.ROOT));
      }
    }
    return new ArrayList<>(ids);
  }

  /**
   * Passes one finding per CVE to {@code sink}, or one under {@code ownId} when there is no CVE,
   * and returns how many it passed.
   */
  static long emitPerCve(
      FindingSink sink, Collection<String> cves, String ownId, Function<String, Finding> finding) {
    if (cves.isEmpty()) {
      sink.accept(finding.apply(ownId));
      return 1;
    }
    for (String cve : cves) {
      sink.accept(finding.apply(cve));
    }
    return cves.size();
  }

  /** Parses a decimal such as {@code 7.5}; returns {@code NaN} when the text is not a number. */
  static double number(String text) {
    if (text == null || text.isBlank()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** Parses a whole number; returns {@code fallback} when the text is not one. */
  static int integer(String text, int fallback) {
    if (text == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /**
   * Adds a CVSS rating when the report gives a vector or a score; {@code version} applies when the
   * vector does not name its own.
   */
  static void addCvss(
      List<CvssScore> scores, String source, String version, String vector, String score) {
    double value = number(score);
    String text = vector == null ? "" : vector.trim();
    if (!text.isEmpty() || !Double.isNaN(value)) {
      scores.add(CvssScore.of(source, text, value, version));
    }
  }

  /** Parses a date given as {@code 2021-03-25}, {@code 2021/03/25} or an ISO timestamp. */
  static Optional<LocalDate> date(String text) {
    if (text == null || text.length() < 10) {
      return Optional.empty();
    }
    String day = text.trim().substring(0, 10);
    try {
      return Optional.of(
          day.charAt(4) == '/' ? LocalDate.parse(day, SLASHED) : LocalDate.parse(day));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Returns whether {@code text} is a dotted IPv4 address or contains a colon like IPv6. */
  static boolean isIp(String text) {
    return text != null && (IPV4.matcher(text).matches() || text.indexOf(':') >= 0);
  }

  /**
   * Returns a host target from the names a report gives; {@code reported} (a scanner's own host
   * label) fills whichever of host name and IP address is missing, by its form.
   */
  static Target host(String hostname, String ip, String reported) {
    String name = first(hostname);
    String address = first(ip);
    String label = first(reported);
    if (isIp(label)) {
      address = first(address, label);
    } else {
      name = first(name, label);
    }
    return Target.host(name, address);
  }

  /** Returns the first non-blank value, trimmed, or an empty string. */
  static String first(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value.trim();
      }
    }
    return "";
  }

  /** Collapses white space and shortens {@code text} to a one-line title of at most 200 chars. */
  static String title(String text) {
    String line = text == null ? "" : text.trim().replaceAll("\\s+", " ");
    return line.length() <= 200 ? line : line.substring(0, 199) + "…";
  }
}
