package io.patchpipeline.engine.deploy;

/**
 * How many failed hosts a rollout tolerates, per wave and over all waves. A percentage is exceeded
 * when {@code failed / hosts > percent / 100}, strictly greater, as Ansible's {@code
 * max_fail_percentage} is (ansible-core 2.14, {@code plugins/strategy/linear.py}): with {@code 0%}
 * one failure halts, with {@code 50%} two failures of four hosts do not. A count is exceeded when
 * more hosts than it fail.
 */
public record FailureBudget(WaveSize perWave, WaveSize overall) {
  /** The default: no failed host at all, in any wave. */
  public static final FailureBudget NONE =
      new FailureBudget(WaveSize.percent(0), WaveSize.percent(0));

  /** Returns whether {@code failed} of a wave of {@code hosts} exceeds the per-wave budget. */
  public boolean waveExceeded(int failed, int hosts) {
    return exceeded(perWave, failed, hosts);
  }

  /** Returns whether {@code failed} hosts over the whole rollout of {@code hosts} exceed it. */
  public boolean overallExceeded(int failed, int hosts) {
    return exceeded(overall, failed, hosts);
  }

  private static boolean exceeded(WaveSize budget, int failed, int hosts) {
    if (failed == 0) {
      return false;
    }
    if (budget.percent()) {
      return (long) failed * 100 > (long) budget.value() * hosts;
    }
    return failed > budget.value();
  }
}
