package io.patchpipeline.engine.deploy.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.patchpipeline.engine.deploy.HealthCheckSpec;
import io.patchpipeline.engine.deploy.HealthPlan;
import io.patchpipeline.engine.deploy.NoDataPolicy;
import io.patchpipeline.engine.deploy.tool.LocalCommandRunner;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Probes against a server on 127.0.0.1 that plays a service health endpoint and the Prometheus HTTP
 * API ({@code GET /api/v1/query}), switched to unhealthy or empty answers on cue.
 */
class HealthProbesTest {
  private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

  private HttpServer server;
  private String base;
  private final AtomicInteger healthStatus = new AtomicInteger(200);
  private final AtomicInteger healthDelayMillis = new AtomicInteger(0);
  private final AtomicReference<String> prometheusBody = new AtomicReference<>();
  private final AtomicReference<String> lastQuery = new AtomicReference<>();

  static String vector(String... values) {
    StringBuilder result = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      result
          .append(i == 0 ? "" : ",")
          .append("{\"metric\":{\"instance\":\"web")
          .append(i + 1)
          .append("\"},\"value\":[1709370000.123,\"")
          .append(values[i])
          .append("\"]}");
    }
    return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
        + result
        + "]}}";
  }

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/health",
        exchange -> {
          try {
            Thread.sleep(healthDelayMillis.get());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(healthStatus.get(), -1);
          exchange.close();
        });
    server.createContext(
        "/api/v1/query",
        exchange -> {
          String raw = exchange.getRequestURI().getRawQuery();
          lastQuery.set(
              URLDecoder.decode(raw.substring("query=".length()), StandardCharsets.UTF_8));
          byte[] body = prometheusBody.get().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(
              prometheusBody.get().contains("\"error\"") ? 400 : 200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private HealthProbe probe(HealthCheckSpec spec) {
    return HealthProbes.create(
            new HealthPlan(Duration.ofSeconds(1), 1, 0, NoDataPolicy.FAILED, List.of(spec)),
            new LocalCommandRunner())
        .get(0);
  }

  private HealthCheckSpec http(Duration maxLatency) {
    return new HealthCheckSpec(
        "web",
        "http",
        base + "/health",
        200,
        maxLatency,
        List.of(),
        null,
        Optional.empty(),
        Optional.empty(),
        Duration.ofSeconds(5));
  }

  private HealthCheckSpec prometheus(Double min, Double max) {
    return new HealthCheckSpec(
        "errors",
        "prometheus",
        base + "/",
        0,
        null,
        List.of(),
        "sum(rate(http_errors_total{instance=~\"{hosts}\"}[5m]))",
        Optional.ofNullable(min),
        Optional.ofNullable(max),
        Duration.ofSeconds(5));
  }

  @Test
  void httpProbePassesThenFailsOnCue() throws Exception {
    HealthProbe probe = probe(http(Duration.ofSeconds(2)));

    Sample healthy = probe.sample(List.of("web1"), AT);
    healthStatus.set(503);
    Sample unhealthy = probe.sample(List.of("web1"), AT);

    assertThat(healthy.outcome()).isEqualTo(Sample.Outcome.PASS);
    assertThat(unhealthy.outcome()).isEqualTo(Sample.Outcome.FAIL);
    assertThat(unhealthy.detail()).isEqualTo("HTTP 503, expected 200");
  }

  @Test
  void httpProbeFailsWhenSlow() throws Exception {
    healthDelayMillis.set(300);

    Sample sample = probe(http(Duration.ofMillis(50))).sample(List.of("web1"), AT);

    assertThat(sample.outcome()).isEqualTo(Sample.Outcome.FAIL);
    assertThat(sample.detail()).contains("above 50 ms");
  }

  @Test
  void httpProbeFailsWhenNobodyAnswers() throws Exception {
    HealthProbe probe = probe(http(Duration.ofSeconds(1)));
    server.stop(0);

    Sample sample = probe.sample(List.of("web1"), AT);

    assertThat(sample.outcome()).isEqualTo(Sample.Outcome.FAIL);
    assertThat(sample.detail()).startsWith("no response");
  }

  @Test
  void prometheusVectorIsJudgedPerElement() throws Exception {
    HealthProbe probe = probe(prometheus(null, 0.05));
    prometheusBody.set(vector("0.01", "0.02"));

    Sample healthy = probe.sample(List.of("web1", "web2"), AT);
    prometheusBody.set(vector("0.01", "0.2"));
    Sample unhealthy = probe.sample(List.of("web1", "web2"), AT);

    assertThat(lastQuery.get())
        .isEqualTo("sum(rate(http_errors_total{instance=~\"web1|web2\"}[5m]))");
    assertThat(healthy.outcome()).isEqualTo(Sample.Outcome.PASS);
    assertThat(healthy.value()).isEqualTo(0.02);
    assertThat(unhealthy.outcome()).isEqualTo(Sample.Outcome.FAIL);
    assertThat(unhealthy.detail()).isEqualTo("0.2 above 0.05");
  }

  @Test
  void prometheusScalarAndMinimum() throws Exception {
    prometheusBody.set(
        "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1709370000,\"0.97\"]}}");

    Sample sample = probe(prometheus(0.99, null)).sample(List.of("web1"), AT);

    assertThat(sample.outcome()).isEqualTo(Sample.Outcome.FAIL);
    assertThat(sample.detail()).isEqualTo("0.97 below 0.99");
  }

  @Test
  void prometheusEmptyNanAndErrorAreNoData() throws Exception {
    HealthProbe probe = probe(prometheus(null, 1.0));

    prometheusBody.set(vector());
    Sample empty = probe.sample(List.of("web1"), AT);
    prometheusBody.set(vector("NaN"));
    Sample nan = probe.sample(List.of("web1"), AT);
    prometheusBody.set(
        "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error at char 5\"}");
    Sample error = probe.sample(List.of("web1"), AT);

    assertThat(empty.outcome()).isEqualTo(Sample.Outcome.NO_DATA);
    assertThat(empty.detail()).contains("empty vector");
    assertThat(nan.outcome()).isEqualTo(Sample.Outcome.NO_DATA);
    assertThat(error.outcome()).isEqualTo(Sample.Outcome.NO_DATA);
    assertThat(error.detail()).contains("HTTP 400");
  }

  @Test
  void commandProbeRunsPerHost() throws Exception {
    HealthCheckSpec spec =
        new HealthCheckSpec(
            "svc",
            "command",
            null,
            0,
            null,
            List.of("test", "{host}", "!=", "web2"),
            null,
            Optional.empty(),
            Optional.empty(),
            Duration.ofSeconds(5));

    Sample one = probe(spec).sample(List.of("web1"), AT);
    Sample both = probe(spec).sample(List.of("web1", "web2"), AT);

    assertThat(one.outcome()).isEqualTo(Sample.Outcome.PASS);
    assertThat(both.outcome()).isEqualTo(Sample.Outcome.FAIL);
    assertThat(both.detail()).contains("on web2");
  }

  @Test
  void missingCommandIsNoData() throws Exception {
    HealthCheckSpec spec =
        new HealthCheckSpec(
            "svc",
            "command",
            null,
            0,
            null,
            List.of("/nonexistent/probe"),
            null,
            Optional.empty(),
            Optional.empty(),
            Duration.ofSeconds(5));

    assertThat(probe(spec).sample(List.of("web1"), AT).outcome()).isEqualTo(Sample.Outcome.NO_DATA);
  }

  @Test
  void judgeNeedsMinimumSamplesWithData() {
    HealthCheckSpec spec = http(Duration.ofSeconds(1));
    HealthPlan plan =
        new HealthPlan(Duration.ofSeconds(1), 2, 1, NoDataPolicy.INCONCLUSIVE, List.of(spec));
    Sample pass = new Sample("web", AT, Sample.Outcome.PASS, 1.0, "");
    Sample fail = new Sample("web", AT, Sample.Outcome.FAIL, 1.0, "HTTP 500");
    Sample none = new Sample("web", AT, Sample.Outcome.NO_DATA, null, "");

    assertThat(HealthJudge.judge(plan, List.of(pass, none), false).verdict())
        .isEqualTo(HealthJudge.Verdict.PENDING);
    assertThat(HealthJudge.judge(plan, List.of(pass, none), true).verdict())
        .isEqualTo(HealthJudge.Verdict.INCONCLUSIVE);
    assertThat(HealthJudge.judge(plan, List.of(pass, fail), true).verdict())
        .isEqualTo(HealthJudge.Verdict.HEALTHY);
    assertThat(HealthJudge.judge(plan, List.of(fail, fail), false).verdict())
        .isEqualTo(HealthJudge.Verdict.FAILED);
  }
}
