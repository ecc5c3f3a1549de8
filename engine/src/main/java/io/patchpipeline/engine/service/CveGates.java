package io.patchpipeline.engine.service;

import io.patchpipeline.engine.deploy.PlanLoader;
import io.patchpipeline.engine.deploy.PlanNodes;
import io.patchpipeline.engine.deploy.VersionGate;
import io.patchpipeline.engine.deploy.tool.CommandRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Creates the CVE gate of a rollout plan for {@code DeployService}: the deploy layer cannot reach
 * verification, so the command line and the Jenkins step create the gate here and pass it in.
 */
public final class CveGates {
  private CveGates() {}

  /**
   * Returns the gate that the plan's {@code cveGate} and {@code installedVersions} keys describe,
   * or empty when the plan has no CVE gate.
   *
   * @param runner runs the installed-version commands where the deployer runs its commands
   */
  public static Optional<VersionGate> fromPlan(Path plan, CommandRunner runner) throws IOException {
    PlanNodes root = PlanLoader.root(plan);
    if (!root.bool("cveGate", false)) {
      return Optional.empty();
    }
    Path baseDir = plan.toAbsolutePath().normalize().getParent();
    return Optional.of(
        new InstalledVersionGate(
            InstalledVersionSource.read(root),
            runner,
            baseDir == null ? Path.of("").toAbsolutePath() : baseDir));
  }
}
