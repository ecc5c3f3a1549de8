package io.patchpipeline.engine.triage;

import io.patchpipeline.engine.asset.Asset;
import io.patchpipeline.engine.asset.FileInventory;
import io.patchpipeline.engine.asset.Inventory;
import io.patchpipeline.engine.record.UnitFinding;
import io.patchpipeline.engine.report.Target;
import io.patchpipeline.engine.report.TargetKind;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds the asset a recorded finding sits on. The record keeps each finding's asset id but not the
 * asset's tier, environment or exposure, so those come from the inventory: by asset id first, and
 * else by matching the finding's first target again, for an asset the inventory did not know when
 * the record was written.
 */
@FunctionalInterface
public interface AssetLookup {
  /** Matches an IPv4 address, or anything with a colon, which a host name never has. */
  Pattern IP_ADDRESS = Pattern.compile("[0-9.]+|.*:.*");

  Asset find(UnitFinding finding);

  /** Returns a lookup with no assets, under which every asset value is unknown. */
  static AssetLookup none() {
    return finding -> Asset.unknown(target(finding));
  }

  static AssetLookup of(FileInventory inventory) {
    return byId(inventory.assets(), inventory);
  }

  /** Returns a lookup over {@code assets} by id, and over {@code inventory} for other targets. */
  static AssetLookup byId(List<Asset> assets, Inventory inventory) {
    Map<String, Asset> byId = new HashMap<>();
    assets.forEach(asset -> byId.putIfAbsent(asset.id(), asset));
    return finding -> {
      Asset asset = byId.get(finding.assetId());
      return asset != null ? asset : inventory.resolve(target(finding));
    };
  }

  /**
   * Rebuilds the scanner's target from the first target name and the kind that the record keeps.
   */
  static Target target(UnitFinding finding) {
    List<String> targets = finding.targets();
    String name = targets == null || targets.isEmpty() ? finding.assetId() : targets.get(0);
    return switch (kind(finding.targetKind())) {
      case IMAGE -> Target.image(name);
      case HOST ->
          IP_ADDRESS.matcher(name).matches() ? Target.host("", name) : Target.host(name, "");
      case KUBERNETES_WORKLOAD -> workload(name);
      case FILE -> Target.file(name);
      case REPOSITORY -> Target.repository(name);
      case UNKNOWN -> Target.unknown(name);
    };
  }

  private static Target workload(String name) {
    int slash = name.indexOf('/');
    return slash < 0
        ? Target.workload("", name, "")
        : Target.workload(name.substring(0, slash), name.substring(slash + 1), "");
  }

  private static TargetKind kind(String text) {
    try {
      return text == null ? TargetKind.UNKNOWN : TargetKind.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return TargetKind.UNKNOWN;
    }
  }
}
