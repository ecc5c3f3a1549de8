package io.patchpipeline.engine.record;

import io.patchpipeline.engine.core.InputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The form of remediation unit ids. Detect makes {@code PP-} and 10 hex digits of the unit key; a
 * record may also carry hand-written ids such as {@code PP-openssl}. Either way an id is {@code
 * PP-} and 1 to 64 ASCII letters or digits, so it is always one safe file name: evidence bundles
 * and zips are named after it, and a record is passed between builds and may have been edited.
 */
public final class UnitIds {
  /** The ids a record may contain; {@link UnitGrouper} makes the subset {@code PP-[0-9a-f]{10}}. */
  public static final Pattern PATTERN = Pattern.compile("PP-[A-Za-z0-9]{1,64}");

  private UnitIds() {}

  /** Returns whether {@code id} has the form of a unit id. */
  public static boolean isValid(String id) {
    return id != null && PATTERN.matcher(id).matches();
  }

  /**
   * Checks that every unit id of {@code units} has the form of {@link #PATTERN} and occurs once.
   *
   * @throws InputException naming {@code file} and the JSON pointer of the first bad id
   */
  static void check(String file, List<RemediationUnit> units) {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < units.size(); i++) {
      String id = units.get(i).id();
      String pointer = "/units/" + i + "/id";
      if (!isValid(id)) {
        throw new InputException(
            file,
            pointer,
            "invalid unit id "
                + quote(id)
                + "; expected PP- followed by 1 to 64 letters or digits (detect writes PP- and 10"
                + " hex digits)."
                + " Run detect again to get a clean record");
      }
      Integer first = seen.putIfAbsent(id, i);
      if (first != null) {
        throw new InputException(
            file,
            pointer,
            "duplicate unit id "
                + id
                + "; it is also the id of /units/"
                + first
                + ". Run detect again to get a clean record");
      }
    }
  }

  /** Quotes an id for a message, escaping control characters so a hostile id prints safely. */
  private static String quote(String id) {
    if (id == null) {
      return "(missing)";
    }
    StringBuilder out = new StringBuilder("'");
    id.codePoints()
        .limit(80)
        .forEach(
            c -> {
              if (c < 0x20 || c == 0x7f || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.append(id.codePointCount(0, id.length()) > 80 ? "...'" : "'").toString();
  }
}
