package io.patchpipeline.engine.deploy;

import io.patchpipeline.engine.deploy.health.HealthProbe;
import io.patchpipeline.engine.deploy.tool.CommandRunner;
import io.patchpipeline.engine.deploy.tool.DeployItem;
import io.patchpipeline.engine.deploy.tool.Deployer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Everything a {@link RolloutEngine} works with: the plan, the deployer, the approved fixes, the
 * probes and gate, and the clock and sleeper, which tests replace.
 *
 * @param baseDir the folder that smoke-test commands run in and report paths start from
 */
public record RolloutContext(
    DeployPlan plan,
    Deployer deployer,
    List<DeployItem> items,
    List<HealthProbe> probes,
    Optional<VersionGate> gate,
    CommandRunner runner,
    Path baseDir,
    StateStore store,
    Clock clock,
    Sleeper sleeper,
    Progress progress) {
  public RolloutContext {
    items = List.copyOf(items);
    probes = List.copyOf(probes);
  }

  /** Returns whether a fix is a kernel package, which needs the staging reboot cycle. */
  boolean kernel() {
    return items.stream().anyMatch(item -> "KERNEL".equals(item.kind()));
  }
}
