package io.patchpipeline.engine.asset;

import io.patchpipeline.engine.report.Target;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An inventory loaded from a file. A target resolves to the entry with the most specific matching
 * pattern ({@link MatchRank}); ties go to the entry that comes first in the file. Only the entries
 * that {@link InventoryIndex} finds for a target are scored. Results are remembered per distinct
 * target, because a report repeats each target for every finding on it. Thread-safe.
 */
public final class FileInventory implements Inventory {
  /** Distinct targets remembered; beyond this, targets are matched again on every call. */
  private static final int MAX_REMEMBERED = 100_000;

  private final String file;
  private final List<InventoryEntry> entries;
  private final InventoryIndex index;
  private final Map<Target, Asset> resolved = new ConcurrentHashMap<>();

  FileInventory(String file, List<InventoryEntry> entries) {
    this.file = file;
    this.entries = List.copyOf(entries);
    this.index = new InventoryIndex(this.entries);
  }

  @Override
  public Asset resolve(Target target) {
    Asset asset = resolved.get(target);
    if (asset == null) {
      asset = match(target);
      if (resolved.size() < MAX_REMEMBERED) {
        resolved.put(target, asset);
      }
    }
    return asset;
  }

  /** Returns the file this inventory was loaded from, as the user named it. */
  public String file() {
    return file;
  }

  /** Returns the assets in file order. */
  public List<Asset> assets() {
    return entries.stream().map(InventoryEntry::asset).toList();
  }

  private Asset match(Target target) {
    TargetView view = TargetView.of(target);
    InventoryEntry best = null;
    int bestScore = 0;
    BitSet candidates = index.candidates(view);
    for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
      InventoryEntry entry = entries.get(i);
      int score = entry.score(view);
      if (score > bestScore) {
        best = entry;
        bestScore = score;
      }
    }
    return best == null ? Asset.unknown(target) : best.asset();
  }
}
