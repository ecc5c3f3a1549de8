package io.patchpipeline.engine.ticket;

import io.patchpipeline.engine.core.Hashing;
import java.util.regex.Pattern;

/**
 * Turns a unit's dedup key into a value every ticket system can store and search: a Jira label (no
 * spaces, at most 255 characters, searched case-insensitively) and a ServiceNow {@code
 * correlation_id} (at most 100 characters). Keys that already fit are kept readable as {@code
 * pp-<key>}; others become {@code pp-<readable part>-<hash>} so that two keys never share a value.
 */
public final class DedupKeys {
  public static final String PREFIX = "pp-";
  public static final String REVIEW_PREFIX = "pp.review-";
  private static final Pattern SAFE = Pattern.compile("[a-z0-9._-]{1,80}");
  private static final Pattern UNSAFE_CHARS = Pattern.compile("[^a-z0-9._-]+");

  private DedupKeys() {}

  /**
   * Returns the dedup key of the post-incident review of the unit {@code unitKey}. It starts with
   * {@value #REVIEW_PREFIX} in place of {@value #PREFIX}, so it never equals a unit's key.
   */
  public static String review(String unitKey) {
    return REVIEW_PREFIX + of(unitKey).substring(PREFIX.length());
  }

  public static String of(String unitKey) {
    if (SAFE.matcher(unitKey).matches()) {
      return PREFIX + unitKey;
    }
    String readable =
        UNSAFE_CHARS.matcher(unitKey.toLowerCase(java.util.Locale.ROOT)).replaceAll("-");
    if (readable.length() > 60) {
      readable = readable.substring(0, 60);
    }
    return PREFIX + readable + "-" + Hashing.sha256(unitKey).substring(0, 16);
  }
}
