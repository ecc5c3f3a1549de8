package io.patchpipeline.engine.deploy;

import io.patchpipeline.engine.deploy.tool.Command;
import io.patchpipeline.engine.deploy.tool.DeployItem;
import io.patchpipeline.engine.deploy.tool.DeployRequest;
import io.patchpipeline.engine.deploy.tool.Deployer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Describes a rollout without running it: each wave's hosts in order, the earliest time it can
 * start after the holds before it, and the commands for it and its rollback.
 */
final class DryRun {
  private DryRun() {}

  static List<String> describe(
      DeployPlan plan,
      List<Wave> waves,
      List<DeployItem> items,
      Deployer deployer,
      Optional<VersionGate> gate) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "dry run: "
            + waves.size()
            + " waves with "
            + plan.tool()
            + ", hold "
            + PlanNodes.format(plan.hold())
            + " after each, on failure "
            + plan.onFailure().name().toLowerCase(java.util.Locale.ROOT));
    for (DeployItem item : items) {
      lines.add(
          "  fix "
              + item.unitId()
              + ": "
              + item.name()
              + " "
              + item.version()
              + " ("
              + String.join(", ", item.cves())
              + ")");
    }
    Duration offset = Duration.ZERO;
    for (Wave wave : waves) {
      lines.add(
          wave.name()
              + " ("
              + wave.kind().name().toLowerCase(java.util.Locale.ROOT)
              + "), starts at +"
              + PlanNodes.format(offset)
              + " at the earliest: "
              + String.join(", ", wave.hosts()));
      DeployRequest request = new DeployRequest(wave.name(), wave.hosts(), items, false);
      for (Command command : deployer.deployCommands(request)) {
        lines.add("  run: " + command.display());
      }
      for (Command command : deployer.rollbackCommands(request)) {
        lines.add("  on failure: " + command.display());
      }
      lines.addAll(gateLines(plan, gate, wave, items));
      lines.addAll(RolloutComments.preview(wave, waves, plan.onFailure()));
      offset = offset.plus(plan.hold());
    }
    return lines;
  }

  private static List<String> gateLines(
      DeployPlan plan, Optional<VersionGate> gate, Wave wave, List<DeployItem> items) {
    if (!plan.cveGate()) {
      return List.of();
    }
    if (gate.isEmpty()) {
      return List.of("  CVE gate: no version check is available here, so this wave would fail");
    }
    List<String> lines = new ArrayList<>();
    for (String line : gate.get().describe(wave.hosts(), items)) {
      lines.add("  CVE gate: " + line);
    }
    return lines;
  }
}
