package io.patchpipeline.engine.deploy;

import io.patchpipeline.engine.core.Message;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a deployment run: the final or paused rollout state (empty for a dry run), the
 * dry-run description, and the messages to print.
 *
 * @param wakeAt when {@link DeployService#advance} must be called again to go on with a hold
 * @param block the block run that {@link DeployService#advance} waits for; call it again with the
 *     block's outcome
 */
public record DeployResult(
    Optional<RolloutState> state,
    List<String> dryRun,
    boolean emergency,
    List<Message> messages,
    Optional<Instant> wakeAt,
    Optional<BlockRun> block) {
  public DeployResult {
    dryRun = List.copyOf(dryRun);
    messages = List.copyOf(messages);
  }

  public DeployResult(
      Optional<RolloutState> state,
      List<String> dryRun,
      boolean emergency,
      List<Message> messages,
      Optional<Instant> wakeAt) {
    this(state, dryRun, emergency, messages, wakeAt, Optional.empty());
  }

  /** Returns whether the rollout reached every host without a failure. */
  public boolean succeeded() {
    return state.map(s -> s.status() == RolloutState.Status.SUCCEEDED).orElse(true);
  }

  /** Returns a small summary of strings, numbers and booleans for a pipeline script. */
  public Map<String, Object> summary() {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("dryRun", state.isEmpty());
    summary.put("emergency", emergency);
    state.ifPresent(
        s -> {
          summary.put("status", s.status().name());
          summary.put("reason", s.reason());
          summary.put("waves", s.waves().size());
          summary.put(
              "wavesPassed",
              s.waves().stream().filter(w -> w.phase() == WaveState.Phase.PASSED).count());
          summary.put("hosts", s.totalHosts());
          summary.put("failedHosts", s.failedHosts());
          summary.put("awaitingDecision", s.status() == RolloutState.Status.AWAITING_DECISION);
          if (s.status() == RolloutState.Status.AWAITING_DECISION) {
            summary.put("waitingWave", s.currentWave().name());
          }
          summary.put("units", s.unitIds());
        });
    return summary;
  }
}
