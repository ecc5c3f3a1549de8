package io.patchpipeline.engine.deploy.health;

import java.time.Instant;
import java.util.List;

/** Takes one reading of a health check for the hosts of a wave. */
public interface HealthProbe {
  String name();

  /**
   * Reads the check once; never throws for an unhealthy or unreachable target, which is a failed or
   * empty sample.
   *
   * @throws InterruptedException when the rollout is stopped
   */
  Sample sample(List<String> hosts, Instant at) throws InterruptedException;
}
