package io.patchpipeline.engine.deploy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole progress of a rollout, serializable to JSON. It is saved after every change, so that a
 * restarted controller resumes where the rollout stood: the hold with the time that was left, and a
 * wave whose command was running run again.
 *
 * @param current the index of the wave in progress
 * @param planHash the SHA-256 of the plan file, so a resume with a changed plan is rejected
 * @param notified {@code listener/event} keys of the {@link RolloutEvent}s each listener has
 *     received, so a resumed rollout does not send them again
 */
public record RolloutState(
    int formatVersion,
    String planHash,
    List<String> unitIds,
    List<WaveState> waves,
    int current,
    Status status,
    String reason,
    Instant startedAt,
    Instant updatedAt,
    List<String> notified) {

  public static final int FORMAT_VERSION = 1;

  /** The status of a rollout. */
  public enum Status {
    RUNNING,
    SUCCEEDED,
    /** A wave failed and the plan requires a rollback, which is running. */
    ROLLING_BACK,
    ROLLED_BACK,
    /**
     * A wave failed and the plan requires a freeze, so hosts stay as they are for a person to look
     * at.
     */
    FROZEN,
    /** Health data was inconclusive: a person decides to proceed, roll back or freeze. */
    AWAITING_DECISION;

    public boolean finished() {
      return this == SUCCEEDED || this == ROLLED_BACK || this == FROZEN;
    }
  }

  public RolloutState {
    unitIds = List.copyOf(unitIds);
    waves = List.copyOf(waves);
    reason = reason == null ? "" : reason;
    notified = notified == null ? List.of() : List.copyOf(notified);
  }

  /** Starts the state of a new rollout over {@code waves}. */
  public static RolloutState start(
      String planHash, List<String> unitIds, List<Wave> waves, Instant now) {
    return new RolloutState(
        FORMAT_VERSION,
        planHash,
        unitIds,
        waves.stream().map(WaveState::pending).toList(),
        0,
        Status.RUNNING,
        "",
        now,
        now,
        List.of());
  }

  public WaveState currentWave() {
    return waves.get(current);
  }

  RolloutState withWave(WaveState wave, Instant now) {
    List<WaveState> copy = new ArrayList<>(waves);
    copy.set(wave.index(), wave);
    return new RolloutState(
        formatVersion, planHash, unitIds, copy, current, status, reason, startedAt, now, notified);
  }

  RolloutState withStatus(Status next, String why, Instant now) {
    return new RolloutState(
        formatVersion, planHash, unitIds, waves, current, next, why, startedAt, now, notified);
  }

  RolloutState advanced(Instant now) {
    return new RolloutState(
        formatVersion,
        planHash,
        unitIds,
        waves,
        current + 1,
        status,
        reason,
        startedAt,
        now,
        notified);
  }

  RolloutState withNotified(List<String> keys) {
    return new RolloutState(
        formatVersion,
        planHash,
        unitIds,
        waves,
        current,
        status,
        reason,
        startedAt,
        updatedAt,
        keys);
  }

  /**
   * Returns a short id of this rollout for ticket comments: the same for every run that resumes it.
   */
  public String rolloutId() {
    return io.patchpipeline.engine.core.Hashing.sha256(
            planHash + "|" + String.join(",", unitIds) + "|" + startedAt)
        .substring(0, 12);
  }

  public long failedHosts() {
    return waves.stream().mapToLong(WaveState::failedHosts).sum();
  }

  public int totalHosts() {
    return waves.stream().mapToInt(wave -> wave.hosts().size()).sum();
  }
}
