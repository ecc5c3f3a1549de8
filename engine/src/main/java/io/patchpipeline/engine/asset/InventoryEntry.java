package io.patchpipeline.engine.asset;

import java.util.List;

/**
 * One asset of an inventory file with the patterns that name its targets.
 *
 * @param position where the entry starts in its file, such as {@code line 12}
 */
record InventoryEntry(Asset asset, List<TargetPattern> patterns, String position) {
  InventoryEntry {
    patterns = List.copyOf(patterns);
  }

  /** Returns the score of this entry's most specific pattern that matches, or 0. */
  int score(TargetView target) {
    int best = 0;
    for (TargetPattern pattern : patterns) {
      best = Math.max(best, pattern.score(target));
    }
    return best;
  }
}
