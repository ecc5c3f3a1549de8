package io.patchpipeline.engine.verify.version;

import java.util.Objects;

/**
 * RPM versions, {@code [epoch:]version[-release]}, ordered as rpm orders them: epoch numerically,
 * then version and release separately with {@code rpmvercmp} (rpm 4.15 and later, with {@code ~}
 * sorting before everything and {@code ^} after the end of the string but before anything else).
 * When either side has no release, the release is not compared, as yum and dnf do for a requirement
 * that names no release.
 */
public final class RpmVersionComparator implements VersionComparator {
  static final RpmVersionComparator INSTANCE = new RpmVersionComparator();

  private RpmVersionComparator() {}

  @Override
  public String ecosystem() {
    return "rpm";
  }

  @Override
  public int compare(String left, String right) {
    Evr a = Evr.of(left);
    Evr b = Evr.of(right);
    int epoch = Long.compare(a.epoch, b.epoch);
    if (epoch != 0) {
      return epoch;
    }
    int version = rpmvercmp(a.version, b.version);
    if (version != 0 || a.release.isEmpty() || b.release.isEmpty()) {
      return version;
    }
    return rpmvercmp(a.release, b.release);
  }

  /** Compares one version or release string segment by segment, as rpm's {@code rpmvercmp}. */
  static int rpmvercmp(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    int i = 0;
    int j = 0;
    while (i < a.length() || j < b.length()) {
      i = skipSeparators(a, i);
      j = skipSeparators(b, j);
      char ca = at(a, i);
      char cb = at(b, j);
      if (ca == '~' || cb == '~') {
        if (ca != '~') {
          return 1;
        }
        if (cb != '~') {
          return -1;
        }
        i++;
        j++;
        continue;
      }
      if (ca == '^' || cb == '^') {
        if (ca == 0) {
          return -1;
        }
        if (cb == 0) {
          return 1;
        }
        if (ca != '^') {
          return 1;
        }
        if (cb != '^') {
          return -1;
        }
        i++;
        j++;
        continue;
      }
      if (ca == 0 || cb == 0) {
        break;
      }
      boolean numeric = isDigit(ca);
      int endA = segmentEnd(a, i, numeric);
      int endB = segmentEnd(b, j, numeric);
      if (endB == j) {
        // A numeric segment is newer than an alphabetic one.
        return numeric ? 1 : -1;
      }
      int result =
          numeric
              ? compareNumbers(a.substring(i, endA), b.substring(j, endB))
              : a.substring(i, endA).compareTo(b.substring(j, endB));
      if (result != 0) {
        return Integer.signum(result);
      }
      i = endA;
      j = endB;
    }
    if (i >= a.length() && j >= b.length()) {
      return 0;
    }
    return i < a.length() ? 1 : -1;
  }

  private static int skipSeparators(String text, int index) {
    int i = index;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (isAlnum(c) || c == '~' || c == '^') {
        break;
      }
      i++;
    }
    return i;
  }

  private static int segmentEnd(String text, int start, boolean numeric) {
    int i = start;
    while (i < text.length() && (numeric ? isDigit(text.charAt(i)) : isAlpha(text.charAt(i)))) {
      i++;
    }
    return i;
  }

  static int compareNumbers(String a, String b) {
    String x = stripZeros(a);
    String y = stripZeros(b);
    if (x.length() != y.length()) {
      return Integer.compare(x.length(), y.length());
    }
    return x.compareTo(y);
  }

  private static String stripZeros(String digits) {
    int i = 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') {
      i++;
    }
    return digits.substring(i);
  }

  private static char at(String text, int index) {
    return index < text.length() ? text.charAt(index) : 0;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAlnum(char c) {
    return isDigit(c) || isAlpha(c);
  }

  /** Epoch, version and release; a missing epoch is 0, a missing release empty. */
  private record Evr(long epoch, String version, String release) {
    static Evr of(String evr) {
      String text = Objects.requireNonNull(evr, "version").trim();
      long epoch = 0;
      int colon = text.indexOf(':');
      if (colon >= 0) {
        String digits = text.substring(0, colon);
        if (digits.isEmpty()
            || digits.length() > 9
            || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
          throw new InvalidVersionException(
              "rpm", text, "an epoch of digits before ':', as in 1:2.3-4");
        }
        epoch = Long.parseLong(digits);
        text = text.substring(colon + 1);
      }
      int hyphen = text.lastIndexOf('-');
      if (hyphen >= 0) {
        return new Evr(epoch, text.substring(0, hyphen), text.substring(hyphen + 1));
      }
      return new Evr(epoch, text, "");
    }
  }
}
