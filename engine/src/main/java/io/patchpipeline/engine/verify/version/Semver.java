package io.patchpipeline.engine.verify.version;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Semantic Versioning 2.0.0 version: three numbers, optional pre-release identifiers, and build
 * metadata, which does not take part in ordering.
 */
record Semver(String major, String minor, String patch, List<String> preRelease) {

  private static final Pattern GRAMMAR =
      Pattern.compile(
          "(0|[1-9]\\d*+)(?:\\.(0|[1-9]\\d*+)(?:\\.(0|[1-9]\\d*+))?)?"
              + "(?:-([0-9A-Za-z-]++(?:\\.[0-9A-Za-z-]++)*+))?"
              + "(?:\\+[0-9A-Za-z-]++(?:\\.[0-9A-Za-z-]++)*+)?");

  /**
   * Parses {@code text} after an optional {@code v} or {@code =} prefix. Minor and patch may be
   * left out only when {@code shorthand} is set (Go accepts {@code v1} and {@code v1.2}).
   */
  static Semver parse(String ecosystem, String text, boolean shorthand) {
    String trimmed = text == null ? "" : text.trim();
    String body =
        trimmed.startsWith("v") || trimmed.startsWith("=") ? trimmed.substring(1) : trimmed;
    Matcher m = GRAMMAR.matcher(body);
    if (!m.matches() || (!shorthand && m.group(3) == null)) {
      throw new InvalidVersionException(
          ecosystem, trimmed, "MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD], as in 1.4.2-rc.1");
    }
    if (m.group(3) == null && m.group(4) != null) {
      throw new InvalidVersionException(
          ecosystem, trimmed, "a pre-release only after MAJOR.MINOR.PATCH, as in v1.2.0-rc.1");
    }
    List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
    return new Semver(m.group(1), orZero(m.group(2)), orZero(m.group(3)), pre);
  }

  private static String orZero(String number) {
    return number == null ? "0" : number;
  }

  int compareWith(Semver other) {
    int result = RpmVersionComparator.compareNumbers(major, other.major);
    if (result == 0) {
      result = RpmVersionComparator.compareNumbers(minor, other.minor);
    }
    if (result == 0) {
      result = RpmVersionComparator.compareNumbers(patch, other.patch);
    }
    return result != 0 ? Integer.signum(result) : comparePreRelease(preRelease, other.preRelease);
  }

  /** Orders pre-releases by SemVer 2.0.0 rule 11: none is highest, then field by field. */
  private static int comparePreRelease(List<String> a, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return Boolean.compare(a.isEmpty(), b.isEmpty());
    }
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int result = compareIdentifier(a.get(i), b.get(i));
      if (result != 0) {
        return result;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static int compareIdentifier(String a, String b) {
    boolean numericA = isNumeric(a);
    boolean numericB = isNumeric(b);
    if (numericA && numericB) {
      return Integer.signum(RpmVersionComparator.compareNumbers(a, b));
    }
    if (numericA != numericB) {
      return numericA ? -1 : 1;
    }
    return Integer.signum(a.compareTo(b));
  }

  private static boolean isNumeric(String identifier) {
    return !identifier.isEmpty() && identifier.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
