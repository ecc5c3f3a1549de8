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
import io.patchpipeline.engine.deploy.tool.BlockDeployer;
import io.patchpipeline.engine.deploy.tool.CommandRunner;
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
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import jenkins.MasterToSlaveFileCallable;

/**
 * Advances a rollout on the agent, where the deployment tools run: from the saved state to the next
 * hold, the next run of the step's body, the end, or a decision. The record and the state travel as
 * bytes and are kept on the controller between steps, so the workspace holds nothing the rollout
 * needs. The kubeconfig of a file credential exists on the agent only while this step runs.
 */
final class DeployCallable extends MasterToSlaveFileCallable<DeployTick> {
  private static final long serialVersionUID = 1L;

  private final TickInput input;
  private final byte[] record;
  private final byte[] state;

  /** The kubeconfig's content, or empty; never logged, written only to {@link KubeconfigFile}. */
  private final byte[] kubeconfig;

  DeployCallable(TickInput input, byte[] record, byte[] state, byte[] kubeconfig) {
    this.input = input;
    this.record = record.clone();
    this.state = state.clone();
    this.kubeconfig = kubeconfig.clone();
  }

  @Override
  public DeployTick invoke(File workspace, VirtualChannel channel)
      throws IOException, InterruptedException {
    List<String> lines = new ArrayList<>();
    Path work = Files.createTempDirectory("patch-pipeline-deploy");
    KubeconfigFile kubeconfigFile = null;
    try {
      Path recordFile = work.resolve("record.json");
      Path stateFile = work.resolve("state.json");
      Files.write(recordFile, record);
      if (state.length > 0) {
        Files.write(stateFile, state);
      }
      Path planFile = workspace.toPath().resolve(input.plan());
      DeployOptions options = DeployOptions.of(recordFile, planFile).withStateFile(stateFile);
      if (!input.approved().isEmpty()) {
        options = options.withApprovedUnits(input.approvedList());
      }
      Optional<DeployOptions.Decision> decision = input.engineDecision();
      if (decision.isPresent()) {
        options = options.withDecision(decision.get());
      }
      CommandRunner runner = new LocalCommandRunner();
      if (kubeconfig.length > 0) {
        kubeconfigFile = KubeconfigFile.write(Path.of(input.tempDir()), kubeconfig);
        options = options.withKubeconfig(kubeconfigFile.path());
        runner = withKubeconfig(runner, kubeconfigFile.path());
      }
      Clock clock = Clock.systemUTC();
      DeployService service =
          new DeployService(
              clock,
              Sleeper.real(clock),
              runner,
              CveGates.fromPlan(planFile, runner),
              input.body() ? Optional.of(recordedBody()) : Optional.empty());
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
          rows(rollout),
          result.block().map(WaveBlock::of).orElse(null));
    } catch (InputException e) {
      return DeployTick.failed(lines, e.getMessage());
    } finally {
      if (kubeconfigFile != null) {
        kubeconfigFile.close();
      }
      try (Stream<Path> paths = Files.walk(work)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  /** Returns a body that reports the outcome of the step's latest body run for its wave. */
  private BlockDeployer.Body recordedBody() {
    BodyResult latest = input.bodyResult();
    return (request, rollback) -> {
      if (latest == null || !latest.matches(request.waveName(), rollback)) {
        return Optional.empty();
      }
      return Optional.of(
          latest.passed()
              ? BlockDeployer.BodyOutcome.success()
              : BlockDeployer.BodyOutcome.failure(latest.detail()));
    };
  }

  /** Sets {@code KUBECONFIG} on every command, for smoke tests and checks that call kubectl. */
  private static CommandRunner withKubeconfig(CommandRunner runner, Path file) {
    return command -> runner.run(command.withEnvironment(Map.of("KUBECONFIG", file.toString())));
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
