package io.patchpipeline.engine.asset;

import io.patchpipeline.engine.report.Target;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An inventory loaded from a file. A target resolves to the entry with the most specific matching
 * pattern ({@link MatchRank}); ties go to the entry that comes first in the file. Results are
 * remembered per distinct target, because a report repeats each target for every finding on it.
 * Thread-safe.
 */
public final class FileInventory implements Inventory {
  /** Distinct targets remembered; beyond this, targets are matched again on every call. */
  private static final int MAX_REMEMBERED = 100_000;

  private final String file;
  private final List<InventoryEntry> entries;
  private final Map<String, Integer> exactHosts = new HashMap<>();
  private final Map<String, Integer> exactAddresses = new HashMap<>();
  private final Map<Target, Asset> resolved = new ConcurrentHashMap<>();

  FileInventory(String file, List<InventoryEntry> entries) {
    this.file = file;
    this.entries = List.copyOf(entries);
    for (int i = 0; i < this.entries.size(); i++) {
      for (TargetPattern pattern : this.entries.get(i).patterns()) {
        if (pattern instanceof TargetPattern.Hostname hostname) {
          exactHosts.putIfAbsent(hostname.name(), i);
        } else if (pattern instanceof TargetPattern.Ip ip) {
          exactAddresses.putIfAbsent(IpAddresses.format(ip.address()), i);
        }
      }
    }
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
    // An exact hostname or address is the most specific match, so the first entry listing it
    // wins without scanning every entry.
    int exact = Math.min(indexOf(exactHosts, view.hostname()), indexOf(exactAddresses, view.ip()));
    if (exact < Integer.MAX_VALUE) {
      return entries.get(exact).asset();
    }
    InventoryEntry best = null;
    int bestScore = 0;
    for (InventoryEntry entry : entries) {
      int score = entry.score(view);
      if (score > bestScore) {
        best = entry;
        bestScore = score;
      }
    }
    return best == null ? Asset.unknown(target) : best.asset();
  }

  private static int indexOf(Map<String, Integer> index, String key) {
    return key.isEmpty() ? Integer.MAX_VALUE : index.getOrDefault(key, Integer.MAX_VALUE);
  }

  private static int indexOf(Map<String, Integer> index, byte[] address) {
    return address == null
        ? Integer.MAX_VALUE
        : index.getOrDefault(IpAddresses.format(address), Integer.MAX_VALUE);
  }
}
