package io.patchpipeline.engine.deploy.health;

import com.fasterxml.jackson.databind.JsonNode;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.deploy.HealthCheckSpec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Evaluates a PromQL instant query ({@code GET /api/v1/query}) against thresholds. A vector result
 * is judged by each of its elements, a scalar by its value. An empty vector, NaN or an error
 * response is no data, never a pass.
 */
final class PrometheusProbe implements HealthProbe {
  private final HealthCheckSpec spec;
  private final HttpClient client;

  PrometheusProbe(HealthCheckSpec spec, HttpClient client) {
    this.spec = spec;
    this.client = client;
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public Sample sample(List<String> hosts, Instant at) throws InterruptedException {
    String query = spec.query().replace("{hosts}", String.join("|", hosts));
    String url =
        spec.url().replaceAll("/+$", "")
            + "/api/v1/query?query="
            + URLEncoder.encode(query, StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).timeout(spec.timeout()).GET().build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return noData(at, "Prometheus returned HTTP " + response.statusCode());
      }
      return judge(Json.mapper().readTree(response.body()), at);
    } catch (IOException e) {
      return noData(at, "Prometheus query failed: " + e.getMessage());
    }
  }

  private Sample judge(JsonNode body, Instant at) {
    if (!"success".equals(body.path("status").asText())) {
      return noData(at, "Prometheus error: " + body.path("error").asText("unknown"));
    }
    JsonNode data = body.path("data");
    String type = data.path("resultType").asText();
    JsonNode result = data.path("result");
    if ("scalar".equals(type)) {
      return judgeValue(result.path(1).asText(), at);
    }
    if (!"vector".equals(type)) {
      return noData(at, "unsupported result type '" + type + "'; expected vector or scalar");
    }
    if (result.isEmpty()) {
      return noData(at, "the query returned an empty vector");
    }
    Sample worst = null;
    for (JsonNode element : result) {
      Sample sample = judgeValue(element.path("value").path(1).asText(), at);
      if (sample.outcome() != Sample.Outcome.PASS) {
        return sample;
      }
      worst = worst == null || sample.value() > worst.value() ? sample : worst;
    }
    return worst;
  }

  private Sample judgeValue(String text, Instant at) {
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return noData(at, "not a number: '" + text + "'");
    }
    if (Double.isNaN(value)) {
      return noData(at, "the query returned NaN");
    }
    if (spec.max().isPresent() && value > spec.max().get()) {
      return new Sample(
          name(), at, Sample.Outcome.FAIL, value, value + " above " + spec.max().get());
    }
    if (spec.min().isPresent() && value < spec.min().get()) {
      return new Sample(
          name(), at, Sample.Outcome.FAIL, value, value + " below " + spec.min().get());
    }
    return new Sample(name(), at, Sample.Outcome.PASS, value, Double.toString(value));
  }

  private Sample noData(Instant at, String why) {
    return new Sample(name(), at, Sample.Outcome.NO_DATA, null, why);
  }
}
