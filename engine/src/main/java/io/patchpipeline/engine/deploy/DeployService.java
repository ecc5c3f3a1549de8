package io.patchpipeline.engine.deploy;

import io.patchpipeline.engine.core.Hashing;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Messages;
import io.patchpipeline.engine.deploy.health.HealthProbes;
import io.patchpipeline.engine.deploy.tool.BlockDeployer;
import io.patchpipeline.engine.deploy.tool.CommandRunner;
import io.patchpipeline.engine.deploy.tool.DeployItem;
import io.patchpipeline.engine.deploy.tool.Deployer;
import io.patchpipeline.engine.deploy.tool.DeployerFactory;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RecordStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Deploys the approved units of a record by a plan: reads both, plans the waves, runs or resumes
 * the rollout (or only describes it), and writes the {@code deploy} section back to the record.
 */
public final class DeployService {
  private final Clock clock;
  private final Sleeper sleeper;
  private final CommandRunner runner;
  private final Optional<VersionGate> gate;
  private final Optional<BlockDeployer.Body> block;
  private final List<RolloutListener> listeners;

  /**
   * @param gate the CVE gate the service layer wires to version verification, if any
   * @param block the body of a Jenkins block-form step, if any
   */
  public DeployService(
      Clock clock,
      Sleeper sleeper,
      CommandRunner runner,
      Optional<VersionGate> gate,
      Optional<BlockDeployer.Body> block) {
    this(clock, sleeper, runner, gate, block, List.of());
  }

  private DeployService(
      Clock clock,
      Sleeper sleeper,
      CommandRunner runner,
      Optional<VersionGate> gate,
      Optional<BlockDeployer.Body> block,
      List<RolloutListener> listeners) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.runner = runner;
    this.gate = gate;
    this.block = block;
    this.listeners = List.copyOf(listeners);
  }

  /**
   * Returns this service with {@code more} listeners, which receive the rollout's start, each
   * wave's outcome and its end; a dry run sends nothing.
   */
  public DeployService withListeners(List<RolloutListener> more) {
    List<RolloutListener> all = new java.util.ArrayList<>(listeners);
    all.addAll(more);
    return new DeployService(clock, sleeper, runner, gate, block, all);
  }

  /** Runs or resumes the rollout to its end or to a decision, sleeping through the holds. */
  public DeployResult run(DeployOptions options, Progress progress)
      throws IOException, InterruptedException {
    return execute(options, progress, true);
  }

  /**
   * Runs or resumes the rollout until it ends, waits for a decision, or waits in a hold; in the
   * last case {@link DeployResult#wakeAt} says when to call it again. The state file and the record
   * are up to date when it returns.
   */
  public DeployResult advance(DeployOptions options, Progress progress)
      throws IOException, InterruptedException {
    return execute(options, progress, false);
  }

  private DeployResult execute(DeployOptions options, Progress progress, boolean blocking)
      throws IOException, InterruptedException {
    Messages messages = new Messages();
    PatchRecord record = RecordStore.read(options.record());
    DeployPlan plan = PlanLoader.load(options.plan());
    Approvals approvals =
        Approvals.resolve(record, options.approvedUnits(), options.record().toString());
    List<DeployItem> items = DeployItems.items(record, approvals, plan.tool());
    List<Wave> waves =
        WavePlanner.plan(plan, DeployItems.hosts(plan, record, approvals), approvals.emergency());
    if (approvals.emergency()) {
      messages.warning("P0 emergency approved by triage: the canary waves are skipped");
    }
    Path baseDir = options.plan().toAbsolutePath().normalize().getParent();
    if (baseDir == null) {
      baseDir = Path.of("").toAbsolutePath();
    }
    Deployer deployer =
        DeployerFactory.create(
            plan,
            new DeployerFactory.Context(
                baseDir, runner, options.kubeconfig(), options.secrets(), block));
    if (options.dryRun()) {
      return new DeployResult(
          Optional.empty(),
          DryRun.describe(plan, waves, items, deployer, gate),
          approvals.emergency(),
          messages.list(),
          Optional.empty());
    }
    StateFile stateFile = new StateFile(options.resolvedStateFile());
    String planHash = Hashing.sha256(Files.readAllBytes(options.plan()));
    RolloutState state = startOrResume(stateFile, planHash, approvals, waves, messages);
    if (options.decision().isPresent() && state.status() != RolloutState.Status.AWAITING_DECISION) {
      throw new InputException(
          stateFile.path().toString(),
          "/status",
          "the rollout is "
              + state.status()
              + ", not awaiting a decision; decide only on a rollout that stopped with"
              + " AWAITING_DECISION");
    }
    RolloutNotifier notifier = new RolloutNotifier(stateFile, listeners, progress);
    if (!listeners.isEmpty()) {
      state = notifier.flush(state);
    }
    Optional<Instant> wakeAt = Optional.empty();
    Optional<BlockRun> blockRun = Optional.empty();
    if (!state.status().finished()) {
      RolloutContext context =
          new RolloutContext(
              plan,
              deployer,
              items,
              HealthProbes.create(plan.health(), runner),
              gate,
              runner,
              baseDir,
              listeners.isEmpty() ? stateFile : notifier,
              clock,
              sleeper,
              progress);
      RolloutEngine engine = new RolloutEngine(context);
      if (options.decision().isPresent()) {
        DeployOptions.Decision decision = options.decision().get();
        state = engine.applyDecision(state, decision.proceed(), decision.decidedBy());
      }
      if (blocking) {
        state = engine.run(state);
      } else {
        RolloutEngine.Advance advance = engine.advance(state);
        state = advance.state();
        wakeAt = advance.wakeAt();
        blockRun = advance.block();
      }
    }
    PatchRecord updated =
        new DeploySection(
                String.valueOf(options.plan().getFileName()),
                plan.tool(),
                approvals.emergency(),
                state)
            .writeTo(record);
    RecordStore.write(options.record(), updated);
    return new DeployResult(
        Optional.of(state), List.of(), approvals.emergency(), messages.list(), wakeAt, blockRun);
  }

  private RolloutState startOrResume(
      StateFile file, String planHash, Approvals approvals, List<Wave> waves, Messages messages)
      throws IOException {
    Optional<RolloutState> saved = file.read();
    if (saved.isEmpty()) {
      RolloutState state =
          RolloutState.start(planHash, approvals.unitIds(), waves, clock.instant());
      file.save(state);
      return state;
    }
    RolloutState state = saved.get();
    boolean samePlan =
        MessageDigest.isEqual(
            state.planHash().getBytes(StandardCharsets.US_ASCII),
            planHash.getBytes(StandardCharsets.US_ASCII));
    if (!samePlan || !state.unitIds().equals(approvals.unitIds())) {
      throw new InputException(
          file.path().toString(),
          "",
          "a rollout with another plan or other units is saved here; finish it or delete this file");
    }
    messages.info(
        state.status().finished()
            ? "the rollout saved in " + file.path() + " has already finished: " + state.status()
            : "resuming the rollout saved in " + file.path() + " at " + state.currentWave().name());
    return state;
  }
}
