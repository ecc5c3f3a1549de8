package io.jenkins.plugins.patchpipeline;

import hudson.remoting.VirtualChannel;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Message;
import io.patchpipeline.engine.deploy.DeployOptions;
import io.patchpipeline.engine.deploy.DeployResult;
import io.patchpipeline.engine.deploy.DeployService;
import io.patchpipeline.engine.deploy.RolloutState;
import io.patchpipeline.engine.deploy.Sleeper;
import io.patchpipeline.engine.deploy.WaveState;
import io.patchpipeline.engine.deploy.tool.LocalCommandRunner;
import io.patchpipeline.engine.service.CveGates;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import jenkins.MasterToSlaveFileCallable;

/**
 * Advances a rollout on the agent, where the deployment tools run: from the saved state to the next
 * hold, the end, or a decision. The record and the state travel as bytes and are kept on the
 * controller between steps, so the workspace holds nothing the rollout needs.
 */
final class DeployCallable extends MasterToSlaveFileCallable<DeployTick> {
  private static final long serialVersionUID = 1L;

  private final String plan;
  private final ArrayList<String> approved;
  private final byte[] record;
  private final byte[] state;

  DeployCallable(String plan, List<String> approved, byte[] record, byte[] state) {
    this.plan = plan;
    this.approved = new ArrayList<>(approved);
    this.record = record.clone();
    this.state = state.clone();
  }

  @Override
  public DeployTick invoke(File workspace, VirtualChannel channel)
      throws IOException, InterruptedException {
    List<String> lines = new ArrayList<>();
    Path work = Files.createTempDirectory("patch-pipeline-deploy");
    try {
      Path recordFile = work.resolve("record.json");
      Path stateFile = work.resolve("state.json");
      Files.write(recordFile, record);
      if (state.length > 0) {
        Files.write(stateFile, state);
      }
      Path planFile = workspace.toPath().resolve(plan);
      DeployOptions options = DeployOptions.of(recordFile, planFile).withStateFile(stateFile);
      if (!approved.isEmpty()) {
        options = options.withApprovedUnits(approved);
      }
      Clock clock = Clock.systemUTC();
      LocalCommandRunner runner = new LocalCommandRunner();
      DeployService service =
          new DeployService(
              clock,
              Sleeper.real(clock),
              runner,
              CveGates.fromPlan(planFile, runner),
              Optional.empty());
      DeployResult result = service.advance(options, lines::add);
      for (Message message : result.messages()) {
        lines.add(message.toString());
      }
      RolloutState rollout = result.state().orElseThrow();
      return DeployTick.of(
          Files.readAllBytes(recordFile),
          Files.readAllBytes(stateFile),
          result.wakeAt().map(instant -> Math.max(1, instant.toEpochMilli())).orElse(0L),
          lines,
          result.summary(),
          rows(rollout));
    } catch (InputException e) {
      return DeployTick.failed(lines, e.getMessage());
    } finally {
      try (Stream<Path> paths = Files.walk(work)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  private static List<DeployAction.WaveRow> rows(RolloutState rollout) {
    List<DeployAction.WaveRow> rows = new ArrayList<>();
    for (WaveState wave : rollout.waves()) {
      rows.add(
          new DeployAction.WaveRow(
              wave.name(),
              wave.phase().name(),
              String.join(", ", wave.hosts()),
              (int) wave.failedHosts(),
              wave.samples().size(),
              wave.decision()));
    }
    return rows;
  }
}
