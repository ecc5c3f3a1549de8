package io.patchpipeline.engine.deploy.health;

import java.time.Instant;

/**
 * One reading of one health check.
 *
 * @param value the measured number (latency in milliseconds, query result, exit code), or null
 */
public record Sample(String check, Instant at, Outcome outcome, Double value, String detail) {
  /** What a reading says. */
  public enum Outcome {
    PASS,
    FAIL,
    /** The check returned nothing to judge: no response, an empty query result, NaN. */
    NO_DATA
  }
}
