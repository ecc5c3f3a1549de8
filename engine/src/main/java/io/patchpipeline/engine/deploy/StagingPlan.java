package io.patchpipeline.engine.deploy;

import java.util.List;
import java.util.Optional;

/** The staging wave that runs before any production host: deploy, smoke tests, reboot, health. */
public record StagingPlan(
    List<String> hosts, Optional<SmokeTest> smoke, Optional<RebootCycle> reboot) {
  public StagingPlan {
    hosts = List.copyOf(hosts);
  }
}
