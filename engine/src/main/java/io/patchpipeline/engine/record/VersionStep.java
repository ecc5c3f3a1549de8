package io.patchpipeline.engine.record;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far a fixed version is from the installed one (a major, minor or patch step), and a rough
 * ordering used to pick the highest of several fixed versions. Both read only the leading numeric
 * segments (an epoch such as {@code 1:} is skipped), which is enough to estimate effort; exact
 * per-ecosystem ordering is the verify stage's job.
 */
public enum VersionStep {
  MAJOR,
  MINOR,
  PATCH,
  /** The versions have no comparable numeric segments. */
  UNKNOWN;

  private static final Pattern NUMBERS = Pattern.compile("^(?:\\d+:)?v?(\\d+(?:\\.\\d+)*)");

  public static VersionStep between(String installed, String fixed) {
    List<Long> from = numbers(installed);
    List<Long> to = numbers(fixed);
    if (from.isEmpty() || to.isEmpty()) {
      return UNKNOWN;
    }
    if (!from.get(0).equals(to.get(0))) {
      return MAJOR;
    }
    if (from.size() < 2 || to.size() < 2 || !from.get(1).equals(to.get(1))) {
      return MINOR;
    }
    return PATCH;
  }

  /** Compares by numeric segments, then by the whole text; only for choosing a display maximum. */
  public static int roughCompare(String a, String b) {
    List<Long> left = numbers(a);
    List<Long> right = numbers(b);
    for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
      int c = Long.compare(left.get(i), right.get(i));
      if (c != 0) {
        return c;
      }
    }
    int c = Integer.compare(left.size(), right.size());
    return c != 0 ? c : a.compareTo(b);
  }

  private static List<Long> numbers(String version) {
    List<Long> result = new ArrayList<>();
    if (version == null) {
      return result;
    }
    Matcher matcher = NUMBERS.matcher(version.trim());
    if (!matcher.find()) {
      return result;
    }
    for (String part : matcher.group(1).split("\\.")) {
      if (part.length() > 18) {
        break;
      }
      result.add(Long.parseLong(part));
    }
    return result;
  }
}
