package io.patchpipeline.engine.deploy;

import io.patchpipeline.engine.deploy.health.Sample;
import io.patchpipeline.engine.deploy.tool.HostResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The progress of one wave, saved after every change.
 *
 * @param holdDeadline the absolute end of the hold, so a resumed rollout waits only what is left
 * @param nextSampleAt when the next health sample is due
 * @param checks the outcome lines of smoke tests, reboot cycles and the CVE gate
 * @param decision why the wave passed or failed, for people and the ticket
 */
public record WaveState(
    int index,
    String name,
    Wave.Kind kind,
    List<String> hosts,
    Phase phase,
    List<HostResult> results,
    List<HostResult> rollbackResults,
    List<Sample> samples,
    List<String> commands,
    List<String> checks,
    Instant startedAt,
    Instant holdDeadline,
    Instant nextSampleAt,
    Instant finishedAt,
    String decision) {

  /** The phase of a wave. */
  public enum Phase {
    PENDING,
    /** The deployer's command is running; after a restart it runs again. */
    DEPLOYING,
    /** Smoke tests, reboot cycle, failure budget and CVE gate; after a restart they run again. */
    VERIFYING,
    HOLDING,
    PASSED,
    FAILED,
    ROLLED_BACK
  }

  public WaveState {
    hosts = List.copyOf(hosts);
    results = results == null ? List.of() : List.copyOf(results);
    rollbackResults = rollbackResults == null ? List.of() : List.copyOf(rollbackResults);
    samples = samples == null ? List.of() : List.copyOf(samples);
    commands = commands == null ? List.of() : List.copyOf(commands);
    checks = checks == null ? List.of() : List.copyOf(checks);
    decision = decision == null ? "" : decision;
  }

  static WaveState pending(Wave wave) {
    return new WaveState(
        wave.index(),
        wave.name(),
        wave.kind(),
        wave.hosts(),
        Phase.PENDING,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        null,
        null,
        null,
        "");
  }

  WaveState withPhase(Phase next) {
    return new WaveState(
        index,
        name,
        kind,
        hosts,
        next,
        results,
        rollbackResults,
        samples,
        commands,
        checks,
        startedAt,
        holdDeadline,
        nextSampleAt,
        finishedAt,
        decision);
  }

  WaveState started(Instant at) {
    return new WaveState(
        index,
        name,
        kind,
        hosts,
        Phase.DEPLOYING,
        List.of(),
        rollbackResults,
        List.of(),
        List.of(),
        List.of(),
        at,
        null,
        null,
        null,
        "");
  }

  WaveState deployed(List<HostResult> hostResults, List<String> commandLines) {
    return new WaveState(
        index,
        name,
        kind,
        hosts,
        Phase.VERIFYING,
        hostResults,
        rollbackResults,
        samples,
        commandLines,
        List.of(),
        startedAt,
        null,
        null,
        null,
        decision);
  }

  WaveState verified(List<String> checkLines, Instant deadline, Instant firstSample) {
    return new WaveState(
        index,
        name,
        kind,
        hosts,
        Phase.HOLDING,
        results,
        rollbackResults,
        samples,
        commands,
        checkLines,
        startedAt,
        deadline,
        firstSample,
        null,
        decision);
  }

  WaveState sampled(List<Sample> more, Instant next) {
    List<Sample> all = new ArrayList<>(samples);
    all.addAll(more);
    return new WaveState(
        index,
        name,
        kind,
        hosts,
        phase,
        results,
        rollbackResults,
        all,
        commands,
        checks,
        startedAt,
        holdDeadline,
        next,
        finishedAt,
        decision);
  }

  WaveState withChecks(List<String> checkLines) {
    return new WaveState(
        index,
        name,
        kind,
        hosts,
        phase,
        results,
        rollbackResults,
        samples,
        commands,
        checkLines,
        startedAt,
        holdDeadline,
        nextSampleAt,
        finishedAt,
        decision);
  }

  WaveState finished(Phase end, Instant at, String why) {
    return new WaveState(
        index,
        name,
        kind,
        hosts,
        end,
        results,
        rollbackResults,
        samples,
        commands,
        checks,
        startedAt,
        holdDeadline,
        nextSampleAt,
        at,
        why);
  }

  WaveState rolledBack(List<HostResult> hostResults) {
    return new WaveState(
        index,
        name,
        kind,
        hosts,
        Phase.ROLLED_BACK,
        results,
        hostResults,
        samples,
        commands,
        checks,
        startedAt,
        holdDeadline,
        nextSampleAt,
        finishedAt,
        decision);
  }

  public long failedHosts() {
    return results.stream().filter(HostResult::failed).count();
  }

  /** Returns whether the deployer has touched this wave's hosts, so a rollback must cover them. */
  public boolean touched() {
    return phase != Phase.PENDING && phase != Phase.ROLLED_BACK;
  }
}
