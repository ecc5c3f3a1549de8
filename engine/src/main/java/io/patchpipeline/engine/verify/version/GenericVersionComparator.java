package io.patchpipeline.engine.verify.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Fallback for ecosystems without rules of their own (NuGet, RubyGems, vendor products): digit runs
 * compare numerically, letter runs case-insensitively, a number is newer than letters, and other
 * characters only separate. When one version is a prefix of the other, the longer one is newer
 * unless its next part is a pre-release word ({@code alpha}, {@code beta}, {@code rc}, {@code dev},
 * ...), so {@code 2.0 > 2.0-rc1} and {@code 2.0.1 > 2.0}.
 */
public final class GenericVersionComparator implements VersionComparator {
  static final GenericVersionComparator INSTANCE = new GenericVersionComparator();

  private static final Set<String> PRE_RELEASE_WORDS =
      Set.of(
          "a",
          "b",
          "alpha",
          "beta",
          "pre",
          "preview",
          "rc",
          "cr",
          "dev",
          "snapshot",
          "m",
          "milestone");

  private GenericVersionComparator() {}

  @Override
  public String ecosystem() {
    return "generic";
  }

  @Override
  public int compare(String left, String right) {
    List<String> a = split(Objects.requireNonNull(left, "version"));
    List<String> b = split(Objects.requireNonNull(right, "version"));
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int result = comparePart(a.get(i), b.get(i));
      if (result != 0) {
        return result;
      }
    }
    if (a.size() == b.size()) {
      return 0;
    }
    return a.size() > b.size() ? extraSign(a.get(b.size())) : -extraSign(b.get(a.size()));
  }

  private static int extraSign(String nextPart) {
    return PRE_RELEASE_WORDS.contains(nextPart) ? -1 : 1;
  }

  private static int comparePart(String a, String b) {
    boolean numericA = Character.isDigit(a.charAt(0));
    boolean numericB = Character.isDigit(b.charAt(0));
    if (numericA && numericB) {
      return Integer.signum(RpmVersionComparator.compareNumbers(a, b));
    }
    if (numericA != numericB) {
      return numericA ? 1 : -1;
    }
    return Integer.signum(a.compareTo(b));
  }

  /** Splits into runs of digits and runs of letters, lower-cased; everything else separates. */
  private static List<String> split(String version) {
    List<String> parts = new ArrayList<>();
    String text = version.trim().toLowerCase(Locale.ROOT);
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      boolean sameRun =
          start >= 0
              && Character.isLetterOrDigit(c)
              && Character.isDigit(c) == Character.isDigit(text.charAt(start));
      if (sameRun) {
        continue;
      }
      if (start >= 0) {
        parts.add(text.substring(start, i));
      }
      start = Character.isLetterOrDigit(c) ? i : -1;
    }
    return parts;
  }
}
