package io.patchpipeline.engine.core;

import java.util.Locale;
import java.util.Map;

/**
 * Normalized severity. This enum holds the one table that maps every scanner's vocabulary to a
 * level; {@link #UNKNOWN} is a value of its own and never counts as low.
 */
public enum Severity {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW,
  /** Informational: the scanner says there is no risk. */
  NONE,
  UNKNOWN;

  private static final Map<String, Severity> VOCABULARY =
      Map.ofEntries(
          Map.entry("critical", CRITICAL),
          Map.entry("urgent", CRITICAL),
          Map.entry("high", HIGH),
          Map.entry("important", HIGH),
          Map.entry("error", HIGH),
          Map.entry("medium", MEDIUM),
          Map.entry("moderate", MEDIUM),
          Map.entry("warning", MEDIUM),
          Map.entry("serious", MEDIUM),
          Map.entry("low", LOW),
          Map.entry("minor", LOW),
          Map.entry("note", LOW),
          Map.entry("negligible", LOW),
          Map.entry("minimal", LOW),
          Map.entry("none", NONE),
          Map.entry("info", NONE),
          Map.entry("informational", NONE),
          Map.entry("log", NONE),
          Map.entry("unknown", UNKNOWN),
          Map.entry("unspecified", UNKNOWN),
          Map.entry("untriaged", UNKNOWN),
          Map.entry("", UNKNOWN));

  /**
   * Maps a scanner's severity word (Trivy, Grype, OSV, SARIF level, Nessus, OpenVAS threat, Qualys
   * and Red Hat wording) to a level; a word not in the table is {@link #UNKNOWN}.
   */
  public static Severity parse(String word) {
    if (word == null) {
      return UNKNOWN;
    }
    return VOCABULARY.getOrDefault(word.trim().toLowerCase(Locale.ROOT), UNKNOWN);
  }

  /** Maps a CVSS 3.x or 4.0 base score to its qualitative rating (FIRST CVSS v3.1 section 5). */
  public static Severity fromCvss(double score) {
    if (Double.isNaN(score) || score < 0 || score > 10) {
      return UNKNOWN;
    }
    if (score >= 9.0) {
      return CRITICAL;
    }
    if (score >= 7.0) {
      return HIGH;
    }
    if (score >= 4.0) {
      return MEDIUM;
    }
    return score > 0 ? LOW : NONE;
  }

  /**
   * Maps a vendor's numeric level on a scale whose top value {@code max} is critical: one below is
   * high, two below medium, any lower positive level low, and 0 informational. Nessus uses 0 (info)
   * to 4 (critical); Qualys uses 1 (minimal) to 5 (urgent). A level outside 0 to {@code max} is
   * {@link #UNKNOWN}.
   */
  public static Severity fromScale(int level, int max) {
    if (level < 0 || level > max) {
      return UNKNOWN;
    }
    if (level == 0) {
      return NONE;
    }
    return switch (max - level) {
      case 0 -> CRITICAL;
      case 1 -> HIGH;
      case 2 -> MEDIUM;
      default -> LOW;
    };
  }

  /** Returns whether this level is more severe than {@code other}; UNKNOWN ranks below NONE. */
  public boolean isWorseThan(Severity other) {
    return rank() > other.rank();
  }

  private int rank() {
    return this == UNKNOWN ? -1 : values().length - ordinal();
  }
}
