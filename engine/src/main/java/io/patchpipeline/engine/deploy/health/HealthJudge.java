package io.patchpipeline.engine.deploy.health;

import io.patchpipeline.engine.deploy.HealthCheckSpec;
import io.patchpipeline.engine.deploy.HealthPlan;
import io.patchpipeline.engine.deploy.NoDataPolicy;
import java.util.List;

/**
 * Judges the samples of a hold. A check fails as soon as it has more failed samples than the plan's
 * {@code failureLimit}; when the hold is over, a check with fewer than {@code minSamples} samples
 * with data is failed or inconclusive, as {@code noData} says. Only then is it healthy.
 */
public final class HealthJudge {
  private HealthJudge() {}

  /** The state of the analysis. */
  public enum Verdict {
    /** The hold goes on: nothing has failed yet and the hold is not over. */
    PENDING,
    HEALTHY,
    FAILED,
    /** Not enough data: a person decides whether the rollout goes on. */
    INCONCLUSIVE
  }

  /** A verdict with the reason a person reads. */
  public record Judgement(Verdict verdict, String reason) {}

  public static Judgement judge(HealthPlan plan, List<Sample> samples, boolean holdOver) {
    for (HealthCheckSpec check : plan.checks()) {
      long failed = count(samples, check.name(), Sample.Outcome.FAIL);
      if (failed > plan.failureLimit()) {
        String last =
            samples.stream()
                .filter(s -> s.check().equals(check.name()) && s.outcome() == Sample.Outcome.FAIL)
                .reduce((first, second) -> second)
                .map(Sample::detail)
                .orElse("");
        return new Judgement(
            Verdict.FAILED,
            check.name()
                + ": "
                + failed
                + " failed samples, limit "
                + plan.failureLimit()
                + " ("
                + last
                + ")");
      }
    }
    if (!holdOver) {
      return new Judgement(Verdict.PENDING, "");
    }
    for (HealthCheckSpec check : plan.checks()) {
      long withData =
          count(samples, check.name(), Sample.Outcome.PASS)
              + count(samples, check.name(), Sample.Outcome.FAIL);
      if (withData < plan.minSamples()) {
        Verdict verdict =
            plan.noData() == NoDataPolicy.FAILED ? Verdict.FAILED : Verdict.INCONCLUSIVE;
        return new Judgement(
            verdict,
            check.name()
                + ": "
                + withData
                + " samples with data, at least "
                + plan.minSamples()
                + " needed");
      }
    }
    return new Judgement(
        Verdict.HEALTHY, plan.isEmpty() ? "no health checks in the plan" : "all checks passed");
  }

  private static long count(List<Sample> samples, String check, Sample.Outcome outcome) {
    return samples.stream().filter(s -> s.check().equals(check) && s.outcome() == outcome).count();
  }
}
