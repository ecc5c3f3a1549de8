package io.patchpipeline.engine.deploy.health;

import io.patchpipeline.engine.deploy.HealthCheckSpec;
import io.patchpipeline.engine.deploy.tool.Command;
import io.patchpipeline.engine.deploy.tool.CommandResult;
import io.patchpipeline.engine.deploy.tool.CommandRunner;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Runs a command as a health check: healthy with exit code 0. A command with {@code {host}} in an
 * argument runs once per host of the wave and fails when any run fails.
 */
final class CommandProbe implements HealthProbe {
  private final HealthCheckSpec spec;
  private final CommandRunner runner;

  CommandProbe(HealthCheckSpec spec, CommandRunner runner) {
    this.spec = spec;
    this.runner = runner;
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public Sample sample(List<String> hosts, Instant at) throws InterruptedException {
    boolean perHost = spec.command().stream().anyMatch(argument -> argument.contains("{host}"));
    List<String> targets = perHost ? hosts : List.of("");
    for (String host : targets) {
      List<String> arguments =
          spec.command().stream().map(argument -> argument.replace("{host}", host)).toList();
      try {
        CommandResult result = runner.run(Command.of(arguments, spec.timeout()));
        if (!result.succeeded()) {
          String where = host.isEmpty() ? "" : " on " + host;
          return new Sample(
              name(),
              at,
              Sample.Outcome.FAIL,
              (double) result.exitCode(),
              "exit code " + result.exitCode() + where + ": " + result.lastLine());
        }
      } catch (IOException e) {
        return new Sample(
            name(),
            at,
            Sample.Outcome.NO_DATA,
            null,
            "cannot run " + arguments.get(0) + ": " + e.getMessage());
      }
    }
    return new Sample(name(), at, Sample.Outcome.PASS, 0.0, "exit code 0");
  }
}
