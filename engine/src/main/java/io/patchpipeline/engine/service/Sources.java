package io.patchpipeline.engine.service;

import io.patchpipeline.engine.asset.Inventory;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.intel.ThreatIntel;
import io.patchpipeline.engine.policy.Policy;
import io.patchpipeline.engine.policy.PolicyLoader;
import io.patchpipeline.engine.policy.Presets;
import io.patchpipeline.engine.record.InputFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Loads the policy, threat data and inventory a Detect run names, and records their hashes. */
final class Sources {
  private Sources() {}

  static Policy policy(DetectOptions options) throws IOException {
    if (options.policy().isEmpty()) {
      return Presets.defaultPolicy();
    }
    String name = options.policy().get();
    Path file = options.baseDir().resolve(name);
    if (!java.nio.file.Files.exists(file) && Presets.byName(name).isPresent()) {
      return Presets.byName(name).get();
    }
    return PolicyLoader.load(file);
  }

  static ThreatIntel intel(DetectOptions options, List<InputFile> inputs) {
    if (options.kev().isPresent() || options.epss().isPresent()) {
      throw new InputException(
          options.kev().orElse(options.epss().orElse("")), "", "feed loading is not wired yet");
    }
    return ThreatIntel.NONE;
  }

  static Inventory inventory(DetectOptions options, List<InputFile> inputs) {
    if (options.inventory().isPresent()) {
      throw new InputException(options.inventory().get(), "", "inventory loading is not wired yet");
    }
    return Inventory.empty();
  }
}
