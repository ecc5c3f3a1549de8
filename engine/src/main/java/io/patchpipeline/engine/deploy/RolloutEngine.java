package io.patchpipeline.engine.deploy;

import io.patchpipeline.engine.deploy.health.HealthJudge;
import io.patchpipeline.engine.deploy.health.HealthProbe;
import io.patchpipeline.engine.deploy.health.Sample;
import io.patchpipeline.engine.deploy.tool.BlockDeployer;
import io.patchpipeline.engine.deploy.tool.DeployRequest;
import io.patchpipeline.engine.deploy.tool.ToolResult;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Drives a rollout as a state machine over {@link RolloutState}, saving the state after every
 * change. {@link #run} continues from any saved state: a wave saved while {@code DEPLOYING} or
 * {@code VERIFYING} runs those steps again (deployers are idempotent), a wave saved while {@code
 * HOLDING} waits until its absolute hold deadline and keeps its samples. With a {@link
 * BlockDeployer} whose body has not run yet, {@link #advance} stops at that wave and returns the
 * {@link BlockRun} to start.
 */
public final class RolloutEngine {
  private final RolloutContext context;
  private final WaveChecks checks;
  private Instant wakeAt;
  private BlockRun pendingBlock;

  /**
   * The result of {@link #advance}: the saved state, and when the rollout should be advanced again
   * if it is waiting in a hold.
   *
   * @param block the block run the rollout waits for; advance again once its outcome is known
   */
  public record Advance(RolloutState state, Optional<Instant> wakeAt, Optional<BlockRun> block) {
    public Advance(RolloutState state, Optional<Instant> wakeAt) {
      this(state, wakeAt, Optional.empty());
    }
  }

  public RolloutEngine(RolloutContext context) {
    this.context = context;
    this.checks =
        new WaveChecks(context.runner(), context.baseDir(), context.clock(), context.sleeper());
  }

  /**
   * Runs until the rollout succeeds, is rolled back or frozen, or waits for a person; returns the
   * last saved state.
   */
  public RolloutState run(RolloutState start) throws IOException, InterruptedException {
    Advance advance = advance(start);
    while (advance.wakeAt().isPresent()) {
      context.sleeper().sleepUntil(advance.wakeAt().get());
      advance = advance(advance.state());
    }
    return advance.state();
  }

  /**
   * Runs until the rollout ends, waits for a person, waits in a hold or waits for a block run. In a
   * hold it returns when to call it again. A caller that must not block a thread, such as the
   * Jenkins step, schedules that call with a timer and keeps only the saved state in between.
   */
  public Advance advance(RolloutState start) throws IOException, InterruptedException {
    RolloutState state = start;
    pendingBlock = null;
    while (state.status() == RolloutState.Status.RUNNING) {
      wakeAt = null;
      state = step(state);
      if (wakeAt != null || pendingBlock != null) {
        return new Advance(state, Optional.ofNullable(wakeAt), Optional.ofNullable(pendingBlock));
      }
    }
    if (state.status() == RolloutState.Status.ROLLING_BACK) {
      state = rollback(state);
    }
    return new Advance(state, Optional.empty(), Optional.ofNullable(pendingBlock));
  }

  /** Records a person's decision on an inconclusive wave, then continues. */
  public RolloutState decide(RolloutState state, boolean proceed, String who)
      throws IOException, InterruptedException {
    return run(applyDecision(state, proceed, who));
  }

  /**
   * Records a person's decision on an inconclusive wave and saves it without running anything: the
   * wave passes and the next one is due, or it fails and the rollout rolls back or freezes.
   *
   * @throws IllegalStateException when the rollout is not awaiting a decision
   */
  public RolloutState applyDecision(RolloutState state, boolean proceed, String who)
      throws IOException {
    if (state.status() != RolloutState.Status.AWAITING_DECISION) {
      throw new IllegalStateException(
          "The rollout is " + state.status() + ", not awaiting a decision");
    }
    RolloutState running = state.withStatus(RolloutState.Status.RUNNING, "", now());
    if (proceed) {
      WaveState wave =
          running
              .currentWave()
              .finished(
                  WaveState.Phase.PASSED, now(), "inconclusive health data accepted by " + who);
      return pass(running, wave);
    }
    return fail(running, running.currentWave(), "inconclusive health data rejected by " + who);
  }

  private RolloutState step(RolloutState state) throws IOException, InterruptedException {
    WaveState wave = state.currentWave();
    return switch (wave.phase()) {
      case PENDING -> save(state.withWave(wave.started(now()), now()));
      case DEPLOYING -> deploy(state, wave);
      case VERIFYING -> verify(state, wave);
      case HOLDING -> hold(state, wave);
      case PASSED -> pass(state, wave);
      default -> fail(state, wave, wave.decision());
    };
  }

  private RolloutState deploy(RolloutState state, WaveState wave)
      throws IOException, InterruptedException {
    Optional<ToolResult> outcome = apply(state, wave, false);
    if (outcome.isEmpty()) {
      return state;
    }
    ToolResult result = outcome.get();
    context
        .progress()
        .report(
            wave.name()
                + ": "
                + (wave.hosts().size() - result.failedCount())
                + " of "
                + wave.hosts().size()
                + " hosts patched");
    return save(state.withWave(wave.deployed(result.hosts(), result.commands()), now()));
  }

  private RolloutState verify(RolloutState state, WaveState wave)
      throws IOException, InterruptedException {
    DeployPlan plan = context.plan();
    if (plan.budget().waveExceeded((int) wave.failedHosts(), wave.hosts().size())) {
      return fail(
          state,
          wave,
          wave.failedHosts()
              + " of "
              + wave.hosts().size()
              + " hosts failed, above the per-wave budget of "
              + plan.budget().perWave()
              + ": "
              + failedHostNames(wave));
    }
    if (plan.budget().overallExceeded((int) state.failedHosts(), state.totalHosts())) {
      return fail(
          state,
          wave,
          state.failedHosts()
              + " of "
              + state.totalHosts()
              + " hosts failed, above the overall budget of "
              + plan.budget().overall());
    }
    List<String> lines = new ArrayList<>();
    Optional<String> failure = runChecks(wave, lines);
    if (failure.isPresent()) {
      return fail(
          state.withWave(wave.withChecks(lines), now()), wave.withChecks(lines), failure.get());
    }
    Instant deadline = now().plus(plan.hold());
    if (!plan.hold().isZero()) {
      context
          .progress()
          .report(
              wave.name()
                  + ": holding until "
                  + deadline
                  + " ("
                  + PlanNodes.format(plan.hold())
                  + ")");
    }
    return save(state.withWave(wave.verified(lines, deadline, now()), now()));
  }

  private Optional<String> runChecks(WaveState wave, List<String> lines)
      throws IOException, InterruptedException {
    List<WaveChecks.Outcome> outcomes = new ArrayList<>();
    Optional<StagingPlan> staging = context.plan().staging();
    if (wave.kind() == Wave.Kind.STAGING && staging.isPresent()) {
      if (staging.get().smoke().isPresent()) {
        outcomes.add(checks.smoke(staging.get().smoke().get()));
      }
      if (context.kernel() && staging.get().reboot().isPresent()) {
        outcomes.add(checks.reboot(staging.get().reboot().get(), wave.hosts()));
      }
    }
    if (context.plan().cveGate()) {
      if (context.gate().isEmpty()) {
        return Optional.of("the plan asks for a CVE gate, but no version check is available here");
      }
      outcomes.add(checks.gate(context.gate().get(), wave.hosts(), context.items()));
    }
    for (WaveChecks.Outcome outcome : outcomes) {
      lines.addAll(outcome.lines());
      if (outcome.failure().isPresent()) {
        return outcome.failure();
      }
    }
    return Optional.empty();
  }

  private RolloutState hold(RolloutState state, WaveState wave)
      throws IOException, InterruptedException {
    boolean over = !now().isBefore(wave.holdDeadline());
    if (!over && !context.probes().isEmpty() && !now().isBefore(wave.nextSampleAt())) {
      List<Sample> samples = new ArrayList<>();
      for (HealthProbe probe : context.probes()) {
        samples.add(probe.sample(wave.hosts(), now()));
      }
      Instant next = now().plus(context.plan().health().interval());
      state = save(state.withWave(wave.sampled(samples, next), now()));
      wave = state.currentWave();
      over = !now().isBefore(wave.holdDeadline());
    }
    HealthJudge.Judgement judgement =
        HealthJudge.judge(context.plan().health(), wave.samples(), over);
    switch (judgement.verdict()) {
      case FAILED:
        return fail(state, wave, "health: " + judgement.reason());
      case INCONCLUSIVE:
        context
            .progress()
            .report(
                wave.name()
                    + ": health inconclusive, waiting for a decision: "
                    + judgement.reason());
        return save(
            state
                .withWave(
                    wave.withChecks(append(wave.checks(), "health: " + judgement.reason())), now())
                .withStatus(RolloutState.Status.AWAITING_DECISION, judgement.reason(), now()));
      case HEALTHY:
        context
            .progress()
            .report(
                wave.name() + ": healthy after the hold (" + wave.samples().size() + " samples)");
        return save(
            state.withWave(
                wave.finished(WaveState.Phase.PASSED, now(), judgement.reason()), now()));
      default:
        Instant wake =
            context.probes().isEmpty() || wave.nextSampleAt().isAfter(wave.holdDeadline())
                ? wave.holdDeadline()
                : wave.nextSampleAt();
        wakeAt = wake;
        return state;
    }
  }

  private RolloutState pass(RolloutState state, WaveState wave) throws IOException {
    RolloutState next = state.withWave(wave, now());
    if (next.current() + 1 >= next.waves().size()) {
      context.progress().report("rollout succeeded on " + next.totalHosts() + " hosts");
      return save(next.withStatus(RolloutState.Status.SUCCEEDED, "every wave passed", now()));
    }
    return save(next.advanced(now()));
  }

  private RolloutState fail(RolloutState state, WaveState wave, String why) throws IOException {
    context.progress().report(wave.name() + ": failed: " + why);
    RolloutState failed = state.withWave(wave.finished(WaveState.Phase.FAILED, now(), why), now());
    if (context.plan().onFailure() == FailureAction.FREEZE) {
      context.progress().report("rollout frozen; hosts are left as they are");
      return save(failed.withStatus(RolloutState.Status.FROZEN, why, now()));
    }
    return save(failed.withStatus(RolloutState.Status.ROLLING_BACK, why, now()));
  }

  private RolloutState rollback(RolloutState start) throws IOException, InterruptedException {
    RolloutState state = start;
    long failed = 0;
    for (int i = state.current(); i >= 0; i--) {
      WaveState wave = state.waves().get(i);
      if (!wave.touched()) {
        continue;
      }
      Optional<ToolResult> outcome = apply(state, wave, true);
      if (outcome.isEmpty()) {
        return state;
      }
      ToolResult result = outcome.get();
      state = save(state.withWave(wave.rolledBack(result.hosts()), now()));
      failed += result.failedCount();
      if (result.failedCount() > 0) {
        context
            .progress()
            .report(wave.name() + ": rollback failed on " + result.failedCount() + " hosts");
      }
    }
    String reason =
        failed == 0 ? state.reason() : state.reason() + "; rollback failed on " + failed + " hosts";
    return save(state.withStatus(RolloutState.Status.ROLLED_BACK, reason, now()));
  }

  private DeployRequest request(WaveState wave) {
    return new DeployRequest(wave.name(), wave.hosts(), context.items(), false);
  }

  /**
   * Deploys or rolls back the wave; returns empty, and notes the block run to start, when a block
   * body has not run for it yet. The state is saved before, so the wave is run again, not skipped.
   */
  private Optional<ToolResult> apply(RolloutState state, WaveState wave, boolean rollback)
      throws IOException, InterruptedException {
    String hosts = String.join(", ", wave.hosts());
    if (context.deployer() instanceof BlockDeployer block) {
      Optional<ToolResult> result = block.tryRun(request(wave), rollback);
      if (result.isEmpty()) {
        context
            .progress()
            .report(
                wave.name() + ": " + (rollback ? "rolling back" : "deploying to") + " " + hosts);
        pendingBlock =
            new BlockRun(
                wave.index(),
                state.waves().size(),
                wave.name(),
                wave.kind(),
                wave.hosts(),
                context.items(),
                rollback);
      }
      return result;
    }
    context
        .progress()
        .report(wave.name() + ": " + (rollback ? "rolling back" : "deploying to") + " " + hosts);
    return Optional.of(
        rollback
            ? context.deployer().rollback(request(wave))
            : context.deployer().deploy(request(wave)));
  }

  private RolloutState save(RolloutState state) throws IOException {
    context.store().save(state);
    return state;
  }

  private Instant now() {
    return context.clock().instant();
  }

  private static String failedHostNames(WaveState wave) {
    return String.join(
        ", ",
        wave.results().stream()
            .filter(r -> r.failed())
            .map(r -> r.host() + (r.detail().isEmpty() ? "" : " (" + r.detail() + ")"))
            .toList());
  }

  private static List<String> append(List<String> lines, String line) {
    List<String> copy = new ArrayList<>(lines);
    copy.add(line);
    return copy;
  }
}
