package io.patchpipeline.engine.deploy;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads one entry of {@code health.checks}: exactly one of {@code http}, {@code command}, {@code
 * prometheus}.
 */
final class HealthCheckReader {
  private HealthCheckReader() {}

  static HealthCheckSpec read(PlanNodes check, int index) {
    check.requireKnownKeys(
        java.util.Set.of(
            "http",
            "command",
            "prometheus",
            "name",
            "timeout",
            "expectStatus",
            "maxLatency",
            "min",
            "max",
            "query"));
    List<String> types =
        List.of("http", "command", "prometheus").stream().filter(check::has).toList();
    if (types.size() != 1) {
      throw new io.patchpipeline.engine.core.InputException(
          check.file(),
          check.pointer("").replaceAll("/$", ""),
          "a health check needs exactly one of http, command or prometheus");
    }
    String type = types.get(0);
    String name = check.text("name", type + "-" + (index + 1));
    Duration timeout = check.duration("timeout", Duration.ofSeconds(10));
    return switch (type) {
      case "http" ->
          new HealthCheckSpec(
              name,
              type,
              url(check, "http"),
              check.integer("expectStatus", 200, 100, 599),
              check.duration("maxLatency", timeout),
              List.of(),
              null,
              Optional.empty(),
              Optional.empty(),
              timeout);
      case "command" -> command(check, name, timeout);
      default -> prometheus(check, name, timeout);
    };
  }

  private static HealthCheckSpec command(PlanNodes check, String name, Duration timeout) {
    List<String> command = check.texts("command");
    if (command.isEmpty()) {
      throw check.error("command", "expected the command as a list of arguments");
    }
    return new HealthCheckSpec(
        name, "command", null, 0, null, command, null, Optional.empty(), Optional.empty(), timeout);
  }

  private static HealthCheckSpec prometheus(PlanNodes check, String name, Duration timeout) {
    Optional<Double> min = check.number("min");
    Optional<Double> max = check.number("max");
    if (min.isEmpty() && max.isEmpty()) {
      throw check.error("max", "a Prometheus check needs a min or max threshold");
    }
    return new HealthCheckSpec(
        name,
        "prometheus",
        url(check, "prometheus"),
        0,
        null,
        List.of(),
        check.requiredText("query"),
        min,
        max,
        timeout);
  }

  private static String url(PlanNodes check, String key) {
    String text = check.requiredText(key);
    try {
      URI uri = new URI(text);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw check.error(key, "expected an http or https URL, got '" + text + "'");
      }
      return text;
    } catch (URISyntaxException e) {
      throw check.error(key, "invalid URL '" + text + "': " + e.getReason());
    }
  }
}
