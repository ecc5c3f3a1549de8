package io.patchpipeline.engine.asset;

import java.util.Locale;

/** Business criticality tier of an asset, from the inventory. */
public enum Criticality {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW,
  UNKNOWN;

  /** Reads a tier name (case-insensitive; {@code tier1}..{@code tier4} also accepted). */
  public static Criticality parse(String text) {
    if (text == null || text.isBlank()) {
      return UNKNOWN;
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "critical", "tier1", "tier-1", "1" -> CRITICAL;
      case "high", "tier2", "tier-2", "2" -> HIGH;
      case "medium", "tier3", "tier-3", "3" -> MEDIUM;
      case "low", "tier4", "tier-4", "4" -> LOW;
      default ->
          throw new IllegalArgumentException(
              "unknown criticality '" + text + "'; expected critical, high, medium or low");
    };
  }
}
