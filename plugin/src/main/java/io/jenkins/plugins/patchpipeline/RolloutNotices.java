package io.jenkins.plugins.patchpipeline;

import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import io.patchpipeline.engine.deploy.ChangeRequestPlan;
import io.patchpipeline.engine.deploy.ChangeRequestUpdates;
import io.patchpipeline.engine.deploy.RolloutListener;
import io.patchpipeline.engine.deploy.RolloutNotifier;
import io.patchpipeline.engine.deploy.RolloutState;
import io.patchpipeline.engine.deploy.StateFile;
import io.patchpipeline.engine.deploy.TicketComments;
import io.patchpipeline.engine.ticket.ChangeRequestClient;
import io.patchpipeline.engine.ticket.ChangeRequestStates;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rollout events that {@code canaryDeploy} sends: wave comments on the units' tickets in the
 * system that {@code tickets} names, and the updates of a ServiceNow change request. They are sent
 * on the controller after each rollout step, from the state file that the step saved in the build
 * folder, so the ticket secrets never travel to the agent and are never stored with the program.
 * The engine's {@link RolloutNotifier} keeps the keys of the sent events in that state file, so a
 * resumed step sends each event once. A failed send prints one line and marks the build unstable.
 * The rollout goes on, and the event is sent again after the next rollout step.
 */
final class RolloutNotices implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The ticket system for wave comments, or null. */
  private final String tickets;

  /** The change request to update, or null. */
  private final PlanFactsCallable.ChangeFacts change;

  /**
   * The ServiceNow system that contains {@link #change}, or null when there is no change request.
   */
  private final String changeSystem;

  private RolloutNotices(
      String tickets, PlanFactsCallable.ChangeFacts change, String changeSystem) {
    this.tickets = tickets;
    this.change = change;
    this.changeSystem = changeSystem;
  }

  /**
   * Combines the step's parameters with the plan's change request. The step's {@code changeRequest}
   * replaces the plan's reference and keeps its states; the ServiceNow system is the step's {@code
   * changeRequestSystem}, else the plan's {@code system}, else {@code tickets}.
   *
   * @param fromPlan the plan's change request, or null
   * @throws AbortException when the change request is invalid or no system is named for it
   */
  static RolloutNotices of(
      String tickets,
      String changeRequest,
      String changeRequestSystem,
      PlanFactsCallable.ChangeFacts fromPlan)
      throws AbortException {
    ChangeRequestPlan plan = fromPlan == null ? null : fromPlan.toPlan();
    if (changeRequest != null) {
      if (!ChangeRequestClient.isReference(changeRequest)) {
        throw new AbortException(Messages.Deploy_InvalidChangeRequest(changeRequest));
      }
      plan =
          plan == null
              ? new ChangeRequestPlan(changeRequest, Optional.empty(), ChangeRequestStates.DEFAULTS)
              : plan.withReference(changeRequest);
    }
    if (plan == null) {
      return new RolloutNotices(tickets, null, null);
    }
    ChangeRequestPlan named = plan;
    String system =
        Optional.ofNullable(changeRequestSystem)
            .or(named::system)
            .or(() -> Optional.ofNullable(tickets))
            .orElseThrow(
                () ->
                    new AbortException(
                        Messages.Deploy_ChangeRequestNeedsSystem(named.reference())));
    return new RolloutNotices(tickets, PlanFactsCallable.ChangeFacts.of(named), system);
  }

  boolean isEmpty() {
    return tickets == null && change == null;
  }

  /**
   * Resolves the listeners and their credentials, so that a wrong name or a missing credential
   * fails the step before the first deployment.
   */
  void check(Run<?, ?> run, TicketStage stage) throws IOException {
    listeners(run, stage);
  }

  /**
   * Sends the events of the state saved in {@code stateFile} that no earlier step has sent, and
   * saves their keys in that file.
   */
  void send(Run<?, ?> run, Path stateFile, TicketStage stage, PrintStream log) throws IOException {
    StateFile file = new StateFile(stateFile);
    Optional<RolloutState> state = file.read();
    if (isEmpty() || state.isEmpty()) {
      return;
    }
    List<RolloutListener> listeners;
    try {
      listeners = listeners(run, stage);
    } catch (AbortException e) {
      unstable(run, log, e.getMessage());
      return;
    }
    List<String> failures = new ArrayList<>();
    new RolloutNotifier(file, listeners, failures::add).flush(state.get());
    for (String failure : failures) {
      unstable(run, log, failure);
    }
  }

  private List<RolloutListener> listeners(Run<?, ?> run, TicketStage stage) throws IOException {
    List<RolloutListener> listeners = new ArrayList<>();
    if (tickets != null) {
      listeners.add(new TicketComments(stage.writer(run, tickets), BuildRecords.read(run)));
    }
    if (change != null) {
      listeners.add(
          new ChangeRequestUpdates(stage.changeRequests(run, changeSystem), change.toPlan()));
    }
    return listeners;
  }

  private static void unstable(Run<?, ?> run, PrintStream log, String problem) {
    log.println(Messages.Deploy_NoticeFailed(problem));
    run.setResult(Result.UNSTABLE);
  }
}
