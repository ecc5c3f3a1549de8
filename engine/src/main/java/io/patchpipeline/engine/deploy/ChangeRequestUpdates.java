package io.patchpipeline.engine.deploy;

import io.patchpipeline.engine.ticket.ChangeRequestClient;
import io.patchpipeline.engine.ticket.ChangeRequestStates;
import java.io.IOException;
import java.util.Optional;

/**
 * Keeps a ServiceNow change request in step with the rollout. It sets Implement with a work note
 * when the rollout starts and adds a work note per wave outcome. At the end it sets Review when
 * every wave passed; after a rollback or freeze it adds the failure as a work note and sets the
 * configured failed state, if any.
 */
public final class ChangeRequestUpdates implements RolloutListener {
  private final ChangeRequestClient client;
  private final String reference;
  private final ChangeRequestStates states;
  private ChangeRequestClient.ChangeRequest change;

  public ChangeRequestUpdates(ChangeRequestClient client, ChangeRequestPlan plan) {
    this.client = client;
    this.reference = plan.reference();
    this.states = plan.states();
  }

  @Override
  public String name() {
    return "change-request-" + reference;
  }

  @Override
  public void onEvent(RolloutEvent event) throws IOException {
    if (change == null) {
      change = client.find(reference);
    }
    client.update(change, state(event), RolloutComments.text(event));
  }

  private Optional<String> state(RolloutEvent event) {
    return switch (event.type()) {
      case STARTED -> Optional.of(states.implement());
      case WAVE -> Optional.empty();
      case FINISHED ->
          event.state().status() == RolloutState.Status.SUCCEEDED
              ? Optional.of(states.review())
              : states.failed();
    };
  }
}
