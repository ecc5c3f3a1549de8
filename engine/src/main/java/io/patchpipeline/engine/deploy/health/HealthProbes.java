package io.patchpipeline.engine.deploy.health;

import io.patchpipeline.engine.deploy.HealthCheckSpec;
import io.patchpipeline.engine.deploy.HealthPlan;
import io.patchpipeline.engine.deploy.tool.CommandRunner;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/** Builds the probes of a health plan. */
public final class HealthProbes {
  private HealthProbes() {}

  public static List<HealthProbe> create(HealthPlan plan, CommandRunner runner) {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return plan.checks().stream().map(spec -> create(spec, runner, client)).toList();
  }

  private static HealthProbe create(HealthCheckSpec spec, CommandRunner runner, HttpClient client) {
    return switch (spec.type()) {
      case "http" -> new HttpProbe(spec, client);
      case "command" -> new CommandProbe(spec, runner);
      default -> new PrometheusProbe(spec, client);
    };
  }
}
