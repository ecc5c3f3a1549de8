package io.patchpipeline.engine.deploy;

import java.time.Duration;
import java.util.List;

/**
 * Health analysis of a hold: every check is sampled each {@code interval}; a check passes when it
 * has at least {@code minSamples} samples with data and no more than {@code failureLimit} failed
 * ones. A check with fewer samples than that is judged by {@code noData}.
 */
public record HealthPlan(
    Duration interval,
    int minSamples,
    int failureLimit,
    NoDataPolicy noData,
    List<HealthCheckSpec> checks) {
  public static final HealthPlan NONE =
      new HealthPlan(Duration.ofSeconds(30), 1, 0, NoDataPolicy.FAILED, List.of());

  public HealthPlan {
    checks = List.copyOf(checks);
  }

  public boolean isEmpty() {
    return checks.isEmpty();
  }
}
