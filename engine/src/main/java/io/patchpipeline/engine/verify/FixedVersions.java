package io.patchpipeline.engine.verify;

import io.patchpipeline.engine.verify.version.VersionComparator;
import java.util.ArrayList;
import java.util.List;

/** Picks, from a scanner's list of fixed versions, the one that applies to an installed version. */
final class FixedVersions {
  private FixedVersions() {}

  /**
   * Returns the fixed version that {@code installed} must reach. A list such as {@code 2.12.6.1,
   * 2.13.2.1} names one fix per release line: the fix of the installed version's line (its first
   * two dotted parts) applies; without one, the lowest fix above the installed version, else the
   * highest fix.
   */
  static String applicable(String installed, List<String> fixed, VersionComparator comparator) {
    List<String> sorted = new ArrayList<>(fixed);
    sorted.sort(comparator);
    String line = line(installed);
    for (String candidate : sorted) {
      if (line(candidate).equals(line)) {
        return candidate;
      }
    }
    for (String candidate : sorted) {
      if (comparator.compare(candidate, installed) > 0) {
        return candidate;
      }
    }
    return sorted.get(sorted.size() - 1);
  }

  private static String line(String version) {
    int first = version.indexOf('.');
    int second = first < 0 ? -1 : version.indexOf('.', first + 1);
    return second < 0 ? version : version.substring(0, second);
  }
}
