package io.patchpipeline.engine.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Derives the {@link RolloutEvent}s a saved state has reached. A wave's event appears once its
 * outcome is decided: when it passed, when the rollout waits for a person, or when the rollback or
 * freeze after its failure is done. Waves before the current one all passed, because the rollout
 * widens only after a wave passed.
 */
public final class RolloutEvents {
  private RolloutEvents() {}

  /** Returns every event that {@code state} has reached, in the order they happened. */
  public static List<RolloutEvent> of(RolloutState state) {
    String id = state.rolloutId();
    List<RolloutEvent> events = new ArrayList<>();
    events.add(
        new RolloutEvent(
            id + ":started",
            RolloutEvent.Type.STARTED,
            RolloutEvent.Decision.NONE,
            Optional.empty(),
            state));
    for (int i = 0; i < state.current(); i++) {
      events.add(wave(id, state, i, RolloutEvent.Decision.WIDENED));
    }
    currentDecision(state).ifPresent(d -> events.add(wave(id, state, state.current(), d)));
    if (state.status().finished()) {
      events.add(
          new RolloutEvent(
              id + ":finished",
              RolloutEvent.Type.FINISHED,
              RolloutEvent.Decision.NONE,
              Optional.empty(),
              state));
    }
    return events;
  }

  private static Optional<RolloutEvent.Decision> currentDecision(RolloutState state) {
    WaveState wave = state.currentWave();
    boolean last = state.current() == state.waves().size() - 1;
    return switch (state.status()) {
      case SUCCEEDED -> Optional.of(RolloutEvent.Decision.SUCCEEDED);
      case ROLLED_BACK -> Optional.of(RolloutEvent.Decision.ROLLED_BACK);
      case FROZEN -> Optional.of(RolloutEvent.Decision.FROZEN);
      case AWAITING_DECISION -> Optional.of(RolloutEvent.Decision.WAITING);
      case RUNNING ->
          wave.phase() == WaveState.Phase.PASSED
              ? Optional.of(last ? RolloutEvent.Decision.SUCCEEDED : RolloutEvent.Decision.WIDENED)
              : Optional.empty();
      case ROLLING_BACK -> Optional.empty();
    };
  }

  private static RolloutEvent wave(
      String id, RolloutState state, int index, RolloutEvent.Decision decision) {
    String key =
        id + ":wave-" + (index + 1) + ":" + decision.name().toLowerCase(java.util.Locale.ROOT);
    return new RolloutEvent(
        key, RolloutEvent.Type.WAVE, decision, Optional.of(state.waves().get(index)), state);
  }
}
