package io.patchpipeline.engine.verify.version;

import java.util.Objects;

/**
 * Debian and Ubuntu package versions, {@code [epoch:]upstream[-revision]}, ordered as dpkg orders
 * them (dpkg's {@code lib/dpkg/version.c}): the epoch numerically, then upstream and revision each
 * by alternating non-digit and digit runs. In a non-digit run {@code ~} sorts before everything,
 * even the end of the string, letters sort before other characters, and digit runs compare
 * numerically.
 */
public final class DebianVersionComparator implements VersionComparator {
  static final DebianVersionComparator INSTANCE = new DebianVersionComparator();

  private DebianVersionComparator() {}

  @Override
  public String ecosystem() {
    return "debian";
  }

  @Override
  public int compare(String left, String right) {
    Parsed a = Parsed.of(left);
    Parsed b = Parsed.of(right);
    int epoch = Long.compare(a.epoch, b.epoch);
    if (epoch != 0) {
      return epoch;
    }
    int upstream = compareParts(a.upstream, b.upstream);
    return upstream != 0 ? upstream : compareParts(a.revision, b.revision);
  }

  /** Compares an upstream version or revision the way dpkg's {@code verrevcmp} does. */
  static int compareParts(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() || j < b.length()) {
      while ((i < a.length() && !isDigit(a.charAt(i)))
          || (j < b.length() && !isDigit(b.charAt(j)))) {
        int ac = order(at(a, i));
        int bc = order(at(b, j));
        if (ac != bc) {
          return Integer.signum(ac - bc);
        }
        i++;
        j++;
      }
      while (i < a.length() && a.charAt(i) == '0') {
        i++;
      }
      while (j < b.length() && b.charAt(j) == '0') {
        j++;
      }
      int firstDiff = 0;
      while (i < a.length() && isDigit(a.charAt(i)) && j < b.length() && isDigit(b.charAt(j))) {
        if (firstDiff == 0) {
          firstDiff = a.charAt(i) - b.charAt(j);
        }
        i++;
        j++;
      }
      if (i < a.length() && isDigit(a.charAt(i))) {
        return 1;
      }
      if (j < b.length() && isDigit(b.charAt(j))) {
        return -1;
      }
      if (firstDiff != 0) {
        return Integer.signum(firstDiff);
      }
    }
    return 0;
  }

  private static char at(String text, int index) {
    return index < text.length() ? text.charAt(index) : 0;
  }

  private static int order(char c) {
    if (isDigit(c)) {
      return 0;
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      return c;
    }
    if (c == '~') {
      return -1;
    }
    return c == 0 ? 0 : c + 256;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** A version split into dpkg's three parts; a missing epoch is 0, a missing revision empty. */
  private record Parsed(long epoch, String upstream, String revision) {
    static Parsed of(String version) {
      String text = Objects.requireNonNull(version, "version").trim();
      long epoch = 0;
      int colon = text.indexOf(':');
      if (colon >= 0) {
        epoch = parseEpoch(text, colon);
        text = text.substring(colon + 1);
      }
      int hyphen = text.lastIndexOf('-');
      if (hyphen >= 0) {
        return new Parsed(epoch, text.substring(0, hyphen), text.substring(hyphen + 1));
      }
      return new Parsed(epoch, text, "");
    }

    private static long parseEpoch(String text, int colon) {
      String epoch = text.substring(0, colon);
      if (epoch.isEmpty()
          || !epoch.chars().allMatch(c -> c >= '0' && c <= '9')
          || epoch.length() > 9) {
        throw new InvalidVersionException(
            "debian", text, "an epoch of digits before ':', as in 2:1.0-1");
      }
      return Long.parseLong(epoch);
    }
  }
}
