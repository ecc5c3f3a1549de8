package io.patchpipeline.engine.triage;

import io.patchpipeline.engine.asset.Asset;
import io.patchpipeline.engine.asset.Inventory;
import io.patchpipeline.engine.record.UnitFinding;
import io.patchpipeline.engine.report.Target;
import io.patchpipeline.engine.report.TargetKind;
import java.util.Locale;

/**
 * Finds the asset a recorded finding sits on. The record keeps each finding's target by name and
 * kind, so the target is rebuilt from those and resolved against the inventory again.
 */
@FunctionalInterface
public interface AssetLookup {
  Asset find(UnitFinding finding);

  /** Returns a lookup that knows no asset: every asset value is unknown. */
  static AssetLookup none() {
    return finding -> Asset.unknown(Target.unknown(finding.assetId()));
  }

  static AssetLookup of(Inventory inventory) {
    return finding -> inventory.resolve(target(finding));
  }

  /** Rebuilds the scanner's target from the name and kind that the record keeps. */
  static Target target(UnitFinding finding) {
    String name = finding.target() == null ? "" : finding.target();
    TargetKind kind = kind(finding.targetKind());
    return switch (kind) {
      case IMAGE -> Target.image(name);
      case HOST -> Target.host(name, "");
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
