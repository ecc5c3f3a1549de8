package io.patchpipeline.engine.deploy;

import java.util.Optional;

/**
 * Something a rollout reached that people outside the build should hear about: its start, the
 * outcome of a wave, or its end. {@link RolloutEvents} derives the events from a saved state, so
 * the same state always gives the same events with the same keys.
 *
 * @param key stable across resumed runs, such as {@code 1a2b3c4d5e6f:wave-2:widened}; a listener
 *     uses it to write each event once
 * @param wave the wave of a {@link Type#WAVE} event
 * @param state the state the event was derived from
 */
public record RolloutEvent(
    String key, Type type, Decision decision, Optional<WaveState> wave, RolloutState state) {

  /** What happened. */
  public enum Type {
    STARTED,
    WAVE,
    FINISHED
  }

  /** The action the rollout took after a wave; {@link #NONE} for the start and end events. */
  public enum Decision {
    /** The wave passed and the next wave starts. */
    WIDENED,
    /** The last wave passed: every host has the fix. */
    SUCCEEDED,
    /** The wave failed and the done hosts were rolled back. */
    ROLLED_BACK,
    /** The wave failed and the hosts were left as they are for a person to look at. */
    FROZEN,
    /** The health data was inconclusive: the rollout waits for a person's decision. */
    WAITING,
    NONE;

    /** Returns the decision in lower case words, such as {@code rolled back}. */
    public String words() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
  }

  /** Returns whether the rollout stopped at this event's wave while it was the staging wave. */
  public boolean stagingFailed() {
    return wave.isPresent()
        && wave.get().kind() == Wave.Kind.STAGING
        && (decision == Decision.ROLLED_BACK || decision == Decision.FROZEN);
  }
}
