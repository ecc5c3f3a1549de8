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
    Instant updatedAt) {

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
        now);
  }

  public WaveState currentWave() {
    return waves.get(current);
  }

  RolloutState withWave(WaveState wave, Instant now) {
    List<WaveState> copy = new ArrayList<>(waves);
    copy.set(wave.index(), wave);
    return new RolloutState(
        formatVersion, planHash, unitIds, copy, current, status, reason, startedAt, now);
  }

  RolloutState withStatus(Status next, String why, Instant now) {
    return new RolloutState(
        formatVersion, planHash, unitIds, waves, current, next, why, startedAt, now);
  }

  RolloutState advanced(Instant now) {
    return new RolloutState(
        formatVersion, planHash, unitIds, waves, current + 1, status, reason, startedAt, now);
  }

  public long failedHosts() {
    return waves.stream().mapToLong(WaveState::failedHosts).sum();
  }

  public int totalHosts() {
    return waves.stream().mapToInt(wave -> wave.hosts().size()).sum();
  }
}
