package io.patchpipeline.engine.asset;

import java.util.Locale;

/** How reachable an asset is from attackers. */
public enum Exposure {
  INTERNET,
  INTERNAL,
  ISOLATED,
  UNKNOWN;

  /**
   * Reads an exposure name (case-insensitive; {@code public} and {@code external} mean INTERNET).
   */
  public static Exposure parse(String text) {
    if (text == null || text.isBlank()) {
      return UNKNOWN;
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "internet", "public", "external", "internet-facing" -> INTERNET;
      case "internal", "private" -> INTERNAL;
      case "isolated", "airgapped", "air-gapped" -> ISOLATED;
      default ->
          throw new IllegalArgumentException(
              "unknown exposure '" + text + "'; expected internet, internal or isolated");
    };
  }
}
