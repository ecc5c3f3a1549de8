package io.patchpipeline.engine.deploy;

import io.patchpipeline.engine.deploy.tool.DeployItem;
import java.util.List;

/**
 * A run of the {@code canaryDeploy} block that the rollout waits for: the wave, its hosts and
 * fixes, and whether the block must deploy or roll back. The caller runs the block, then reports
 * its outcome through {@link io.patchpipeline.engine.deploy.tool.BlockDeployer.Body} and advances
 * the rollout again.
 *
 * @param waveIndex the wave's position in the rollout, starting at 0
 * @param waveCount the number of waves in the rollout
 */
public record BlockRun(
    int waveIndex,
    int waveCount,
    String wave,
    Wave.Kind kind,
    List<String> hosts,
    List<DeployItem> items,
    boolean rollback) {
  public BlockRun {
    hosts = List.copyOf(hosts);
    items = List.copyOf(items);
  }
}
