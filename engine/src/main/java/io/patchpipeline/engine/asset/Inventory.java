package io.patchpipeline.engine.asset;

import io.patchpipeline.engine.report.Target;

/** Maps the targets that scanners report to the assets they belong to. */
public interface Inventory {
  /** Returns the matching asset, or {@link Asset#unknown} when no entry matches. */
  Asset resolve(Target target);

  /** Returns the inventory with no entries: every target is an unknown asset. */
  static Inventory empty() {
    return Asset::unknown;
  }
}
