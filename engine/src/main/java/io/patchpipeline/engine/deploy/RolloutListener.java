package io.patchpipeline.engine.deploy;

import java.io.IOException;

/**
 * Receives the events of a rollout, such as to comment each wave's outcome on the units' tickets or
 * to update a change request. {@link RolloutNotifier} calls it after the state that reached the
 * event is saved, and again after a failure, up to three times per run. A listener may receive an
 * event twice when a run stopped between its write and the next save.
 */
@FunctionalInterface
public interface RolloutListener {
  /**
   * Writes {@code event} wherever this listener writes.
   *
   * @throws IOException when the write failed; the event is sent again at the next state change
   */
  void onEvent(RolloutEvent event) throws IOException;

  /** Returns a name that stays the same across runs; it prefixes the saved event keys. */
  default String name() {
    return getClass().getSimpleName();
  }
}
