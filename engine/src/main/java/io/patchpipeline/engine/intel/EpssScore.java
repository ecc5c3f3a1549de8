package io.patchpipeline.engine.intel;

/**
 * A FIRST EPSS score: the probability of exploitation activity in the next 30 days, and the score's
 * percentile among all scored CVEs. Both range from 0.0 to 1.0.
 *
 * @param percentile the percentile, or {@code NaN} when the source has no percentile (the 2021
 *     two-column CSV layout {@code cve,epss}); check {@link #hasPercentile()} before comparing it,
 *     because every comparison with {@code NaN} is false
 */
public record EpssScore(double epss, double percentile) {
  /** Returns whether the percentile is known. */
  public boolean hasPercentile() {
    return !Double.isNaN(percentile);
  }
}
