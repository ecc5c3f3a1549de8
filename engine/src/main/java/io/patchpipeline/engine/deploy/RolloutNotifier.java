package io.patchpipeline.engine.deploy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link StateStore} that sends the rollout's new events to its listeners after each save. The
 * keys of the events each listener received are saved in the state ({@link RolloutState#notified}),
 * so a resumed rollout, even one whose state travels between machines as the Jenkins step's does,
 * sends each event once. A failed listener does not stop the rollout: the failure is reported as
 * progress and the event is sent again after the next save, up to {@link #ATTEMPTS} times per run.
 */
public final class RolloutNotifier implements StateStore {
  /** Sends of one event per run before it is given up with a progress line. */
  static final int ATTEMPTS = 3;

  private final StateStore delegate;
  private final List<RolloutListener> listeners;
  private final Progress progress;
  private final Set<String> notified = new LinkedHashSet<>();
  private final Map<String, Integer> attempts = new HashMap<>();

  public RolloutNotifier(StateStore delegate, List<RolloutListener> listeners, Progress progress) {
    this.delegate = delegate;
    this.listeners = List.copyOf(listeners);
    this.progress = progress;
  }

  @Override
  public void save(RolloutState state) throws IOException {
    notified.addAll(state.notified());
    RolloutState merged = state.withNotified(new ArrayList<>(notified));
    delegate.save(merged);
    if (send(merged)) {
      delegate.save(merged.withNotified(new ArrayList<>(notified)));
    }
  }

  /**
   * Sends the events of a state that no run has sent yet, such as those of a rollout that stopped
   * after a save and before its listeners ran, and saves the state when one was sent.
   *
   * @return the state with the keys of the sent events
   */
  public RolloutState flush(RolloutState state) throws IOException {
    notified.addAll(state.notified());
    RolloutState merged = state.withNotified(new ArrayList<>(notified));
    if (send(merged)) {
      merged = merged.withNotified(new ArrayList<>(notified));
      delegate.save(merged);
    }
    return merged;
  }

  /** Returns whether an event was sent to a listener. */
  private boolean send(RolloutState state) {
    boolean sent = false;
    for (RolloutEvent event : RolloutEvents.of(state)) {
      for (RolloutListener listener : listeners) {
        String key = listener.name() + "/" + event.key();
        if (notified.contains(key) || attempts.getOrDefault(key, 0) >= ATTEMPTS) {
          continue;
        }
        try {
          listener.onEvent(event);
          notified.add(key);
          sent = true;
        } catch (IOException e) {
          int count = attempts.merge(key, 1, Integer::sum);
          progress.report(
              "could not send the rollout event "
                  + key
                  + " (attempt "
                  + count
                  + " of "
                  + ATTEMPTS
                  + "): "
                  + e.getMessage()
                  + (count < ATTEMPTS ? "; it is sent again after the next change" : "; gave up"));
        }
      }
    }
    return sent;
  }
}
