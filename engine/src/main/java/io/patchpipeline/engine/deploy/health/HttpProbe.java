package io.patchpipeline.engine.deploy.health;

import io.patchpipeline.engine.deploy.HealthCheckSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

/**
 * Probes an HTTP endpoint: healthy when it returns the expected status within the latency limit.
 */
final class HttpProbe implements HealthProbe {
  private final HealthCheckSpec spec;
  private final HttpClient client;

  HttpProbe(HealthCheckSpec spec, HttpClient client) {
    this.spec = spec;
    this.client = client;
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public Sample sample(List<String> hosts, Instant at) throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(spec.url())).timeout(spec.timeout()).GET().build();
    long start = System.nanoTime();
    try {
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      double millis = (System.nanoTime() - start) / 1_000_000.0;
      if (response.statusCode() != spec.expectStatus()) {
        return new Sample(
            name(),
            at,
            Sample.Outcome.FAIL,
            millis,
            "HTTP " + response.statusCode() + ", expected " + spec.expectStatus());
      }
      if (millis > spec.maxLatency().toMillis()) {
        return new Sample(
            name(),
            at,
            Sample.Outcome.FAIL,
            millis,
            String.format("latency %.0f ms above %d ms", millis, spec.maxLatency().toMillis()));
      }
      return new Sample(name(), at, Sample.Outcome.PASS, millis, "HTTP " + response.statusCode());
    } catch (IOException e) {
      // An endpoint that does not answer has failed: it is a reading, not missing data.
      return new Sample(name(), at, Sample.Outcome.FAIL, null, "no response: " + e.getMessage());
    }
  }
}
