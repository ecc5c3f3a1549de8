package io.patchpipeline.engine.deploy;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.deploy.tool.Command;
import io.patchpipeline.engine.deploy.tool.CommandResult;
import io.patchpipeline.engine.deploy.tool.CommandRunner;
import io.patchpipeline.engine.deploy.tool.DeployItem;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks between a wave's deployment and its hold: staging smoke tests, the reboot cycle of a
 * kernel patch, and the CVE gate. Each returns the lines it adds to the wave and a failure reason
 * when it fails. All of them may run again after a restart.
 */
final class WaveChecks {
  private final CommandRunner runner;
  private final Path baseDir;
  private final Clock clock;
  private final Sleeper sleeper;

  /** The outcome of the checks: lines for the record, and why they failed, if they did. */
  record Outcome(List<String> lines, Optional<String> failure) {}

  WaveChecks(CommandRunner runner, Path baseDir, Clock clock, Sleeper sleeper) {
    this.runner = runner;
    this.baseDir = baseDir;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  Outcome smoke(SmokeTest smoke) throws IOException, InterruptedException {
    List<String> lines = new ArrayList<>();
    Command command =
        new Command(
            smoke.command(),
            java.util.Map.of(),
            java.util.Map.of(),
            Optional.of(baseDir),
            smoke.timeout(),
            Optional.empty());
    CommandResult result = runner.run(command);
    lines.add(
        "smoke tests: exit code " + result.exitCode() + (result.timedOut() ? " (timed out)" : ""));
    if (!result.succeeded()) {
      return new Outcome(lines, Optional.of("smoke tests failed: " + result.lastLine()));
    }
    if (smoke.junitReport().isPresent()) {
      JunitReport report;
      try {
        report = JunitReport.read(baseDir.resolve(smoke.junitReport().get()));
      } catch (InputException e) {
        return new Outcome(lines, Optional.of("smoke test report unreadable: " + e.getMessage()));
      }
      lines.add("smoke test report: " + report);
      if (!report.passed()) {
        return new Outcome(lines, Optional.of("smoke test report: " + report));
      }
    }
    return new Outcome(lines, Optional.empty());
  }

  Outcome reboot(RebootCycle cycle, List<String> hosts) throws IOException, InterruptedException {
    List<String> lines = new ArrayList<>();
    for (String host : hosts) {
      Optional<String> failure = rebootHost(cycle, host, lines);
      if (failure.isPresent()) {
        return new Outcome(lines, failure);
      }
    }
    return new Outcome(lines, Optional.empty());
  }

  private Optional<String> rebootHost(RebootCycle cycle, String host, List<String> lines)
      throws IOException, InterruptedException {
    // A reboot command often loses its connection as the host goes down, so its exit code is
    // ignored.
    runner.run(Command.of(withHost(cycle.reboot(), host), cycle.deadline()));
    Instant deadline = clock.instant().plus(cycle.deadline());
    boolean back = false;
    while (!back && !clock.instant().isAfter(deadline)) {
      sleeper.sleepUntil(clock.instant().plus(cycle.interval()));
      back = runner.run(Command.of(withHost(cycle.probe(), host), cycle.interval())).succeeded();
    }
    if (!back) {
      return Optional.of(
          host + " did not come back within " + cycle.deadline() + " after the reboot");
    }
    String running = output(cycle.runningKernel(), host, cycle);
    String installed = output(cycle.installedKernel(), host, cycle);
    lines.add(host + ": back after reboot, running kernel " + running + ", installed " + installed);
    if (running.isEmpty() || !running.equals(installed)) {
      return Optional.of(
          host + " runs kernel '" + running + "' but '" + installed + "' is installed");
    }
    return Optional.empty();
  }

  private String output(List<String> command, String host, RebootCycle cycle)
      throws IOException, InterruptedException {
    CommandResult result = runner.run(Command.of(withHost(command, host), cycle.interval()));
    return result.succeeded() ? result.output().strip() : "";
  }

  Outcome gate(VersionGate gate, List<String> hosts, List<DeployItem> items)
      throws IOException, InterruptedException {
    List<String> lines = new ArrayList<>();
    List<String> open = new ArrayList<>();
    for (VersionGate.Result result : gate.check(hosts, items)) {
      lines.add(
          "CVE gate: "
              + result.host()
              + " "
              + result.item()
              + " "
              + result.status()
              + (result.detail().isEmpty() ? "" : " (" + result.detail() + ")"));
      if (result.status() != VersionGate.Status.FIXED) {
        open.add(result.host() + " " + result.item() + " " + result.status());
      }
    }
    if (lines.isEmpty()) {
      return new Outcome(lines, Optional.of("CVE gate returned no result for " + hosts));
    }
    return new Outcome(
        lines,
        open.isEmpty() ? Optional.empty() : Optional.of("CVE gate: " + String.join(", ", open)));
  }

  private static List<String> withHost(List<String> command, String host) {
    return command.stream().map(argument -> argument.replace("{host}", host)).toList();
  }
}
