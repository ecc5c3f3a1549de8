package io.patchpipeline.engine.deploy;

import java.util.List;

/** One step of a rollout: the hosts that receive the fix together, then are watched together. */
public record Wave(int index, String name, Kind kind, List<String> hosts) {
  /** Where a wave sits in the rollout. */
  public enum Kind {
    STAGING,
    CANARY,
    /** All production hosts at once, for a P0 emergency approved to skip the canary waves. */
    EMERGENCY
  }

  public Wave {
    hosts = List.copyOf(hosts);
  }
}
