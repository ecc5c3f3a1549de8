package io.patchpipeline.engine.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One health check sampled during a hold: an HTTP probe, a command or a Prometheus query.
 *
 * @param type {@code http}, {@code command} or {@code prometheus}
 * @param url the probed URL, or the Prometheus server's base URL
 * @param expectStatus the HTTP status a healthy endpoint returns
 * @param maxLatency the slowest healthy HTTP answer
 * @param command the argument array of a command check; {@code {host}} in an argument is replaced
 *     by each host of the wave in turn
 * @param query the PromQL expression; {@code {hosts}} is replaced by the wave's hosts joined with
 *     {@code |}, for a regular-expression label matcher
 * @param min the lowest healthy value of a query result, if any
 * @param max the highest healthy value of a query result, if any
 */
public record HealthCheckSpec(
    String name,
    String type,
    String url,
    int expectStatus,
    Duration maxLatency,
    List<String> command,
    String query,
    Optional<Double> min,
    Optional<Double> max,
    Duration timeout) {
  public HealthCheckSpec {
    command = command == null ? List.of() : List.copyOf(command);
  }
}
