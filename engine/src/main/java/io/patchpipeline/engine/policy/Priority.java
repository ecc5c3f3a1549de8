package io.patchpipeline.engine.policy;

import java.util.Locale;

/** Remediation priority, P0 the most urgent. */
public enum Priority {
  P0,
  P1,
  P2,
  P3;

  /** Reads {@code P0}..{@code P3}, case-insensitive. */
  public static Priority parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("missing priority; expected P0, P1, P2 or P3");
    }
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "invalid priority '" + text + "'; expected P0, P1, P2 or P3", e);
    }
  }

  /** Returns whether this priority is at least as urgent as {@code other}. */
  public boolean isAtLeast(Priority other) {
    return ordinal() <= other.ordinal();
  }
}
