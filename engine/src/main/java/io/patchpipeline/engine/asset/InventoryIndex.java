package io.patchpipeline.engine.asset;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds the inventory entries that may match a target without scoring every entry. Each pattern is
 * filed under a key that any target it matches shares: a hostname under its first label, an IP
 * address, a CIDR block under its prefix length and network, an image under its repository, a
 * namespace or workload under its name. Globs cannot be keyed, so their entries are always
 * candidates. Candidates are then scored as usual, so the index never changes which entry wins.
 */
final class InventoryIndex {
  private final Map<String, BitSet> byKey = new HashMap<>();
  private final BitSet globEntries = new BitSet();
  private final TreeSet<Integer> prefixLengths = new TreeSet<>();

  InventoryIndex(List<InventoryEntry> entries) {
    for (int i = 0; i < entries.size(); i++) {
      for (TargetPattern pattern : entries.get(i).patterns()) {
        add(pattern, i);
      }
    }
  }

  /** Returns the indexes of the entries that may match {@code target}, in file order. */
  BitSet candidates(TargetView target) {
    BitSet candidates = (BitSet) globEntries.clone();
    List<String> keys = new ArrayList<>();
    if (!target.hostname().isEmpty()) {
      keys.add("host:" + firstLabel(target.hostname()));
    }
    if (target.ip() != null) {
      keys.add("ip:" + IpAddresses.format(target.ip()));
      for (int length : prefixLengths.descendingSet()) {
        if (length <= target.ip().length * 8) {
          keys.add(blockKey(length, Cidr.mask(target.ip(), length)));
        }
      }
    }
    if (target.image() != null) {
      keys.add("image:" + target.image().repository());
    }
    if (!target.namespace().isEmpty()) {
      keys.add("namespace:" + target.namespace());
    }
    if (!target.workload().isEmpty()) {
      keys.add("workload:" + target.workload());
    }
    for (String key : keys) {
      BitSet entries = byKey.get(key);
      if (entries != null) {
        candidates.or(entries);
      }
    }
    return candidates;
  }

  private void add(TargetPattern pattern, int entry) {
    if (pattern instanceof TargetPattern.Glob) {
      globEntries.set(entry);
      return;
    }
    if (pattern instanceof TargetPattern.Block block) {
      prefixLengths.add(block.cidr().prefixLength());
    }
    byKey.computeIfAbsent(key(pattern), k -> new BitSet()).set(entry);
  }

  private static String key(TargetPattern pattern) {
    if (pattern instanceof TargetPattern.Hostname hostname) {
      return "host:" + firstLabel(hostname.name());
    } else if (pattern instanceof TargetPattern.Ip ip) {
      return "ip:" + IpAddresses.format(ip.address());
    } else if (pattern instanceof TargetPattern.Block block) {
      return blockKey(block.cidr().prefixLength(), block.cidr().network());
    } else if (pattern instanceof TargetPattern.Image image) {
      return "image:" + image.reference().repository();
    } else if (pattern instanceof TargetPattern.Namespace namespace) {
      return "namespace:" + namespace.name();
    } else if (pattern instanceof TargetPattern.Workload workload) {
      return "workload:" + workload.name();
    }
    throw new IllegalStateException("no index key for " + pattern.describe());
  }

  private static String blockKey(int prefixLength, byte[] network) {
    return "cidr:" + prefixLength + ":" + IpAddresses.format(network);
  }

  private static String firstLabel(String hostname) {
    int dot = hostname.indexOf('.');
    return dot < 0 ? hostname : hostname.substring(0, dot);
  }
}
