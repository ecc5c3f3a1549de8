package io.patchpipeline.cli;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.deploy.ChangeRequestPlan;
import io.patchpipeline.engine.deploy.ChangeRequestUpdates;
import io.patchpipeline.engine.deploy.RolloutListener;
import io.patchpipeline.engine.deploy.TicketComments;
import io.patchpipeline.engine.record.RecordStore;
import io.patchpipeline.engine.ticket.ChangeRequestClient;
import io.patchpipeline.engine.ticket.TicketConfigFile;
import io.patchpipeline.engine.ticket.TicketSystemConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rollout listeners that {@code deploy} options ask for: ticket comments per wave, and the
 * ServiceNow change request that the plan or {@code --change-request} names.
 */
final class DeployHooks {
  private DeployHooks() {}

  /** The options that choose the listeners. */
  record Choice(
      boolean commentTickets,
      Path tickets,
      String system,
      String changeRequest,
      Function<String, String> environment) {}

  static List<RolloutListener> listeners(Path record, Path plan, Choice choice) throws IOException {
    List<RolloutListener> listeners = new ArrayList<>();
    if (choice.commentTickets()) {
      listeners.add(
          new TicketComments(
              TicketTarget.open(record, choice.tickets(), choice.system(), choice.environment()),
              RecordStore.read(record)));
    }
    Optional<ChangeRequestPlan> change = changeRequest(plan, choice);
    if (change.isPresent()) {
      listeners.add(new ChangeRequestUpdates(client(change.get(), choice), change.get()));
    }
    return listeners;
  }

  /** Returns the plan's change request, with {@code --change-request} taking precedence. */
  static Optional<ChangeRequestPlan> changeRequest(Path plan, Choice choice) throws IOException {
    Optional<ChangeRequestPlan> fromPlan = ChangeRequestPlan.read(plan);
    if (choice.changeRequest() == null) {
      return fromPlan;
    }
    if (!ChangeRequestClient.isReference(choice.changeRequest())) {
      throw new InputException(
          "--change-request",
          "",
          "invalid change request '"
              + choice.changeRequest()
              + "'; expected a number such as CHG0030001 or a 32-digit sys_id");
    }
    return Optional.of(
        fromPlan
            .map(p -> p.withReference(choice.changeRequest()))
            .orElse(
                new ChangeRequestPlan(
                    choice.changeRequest(),
                    Optional.empty(),
                    io.patchpipeline.engine.ticket.ChangeRequestStates.DEFAULTS)));
  }

  private static ChangeRequestClient client(ChangeRequestPlan change, Choice choice)
      throws IOException {
    if (choice.tickets() == null) {
      throw new InputException(
          "--tickets",
          "",
          "change request "
              + change.reference()
              + " needs a ServiceNow system; name the ticket systems YAML with --tickets");
    }
    TicketConfigFile file = TicketConfigFile.read(choice.tickets());
    Optional<String> name = change.system().or(() -> Optional.ofNullable(choice.system()));
    TicketSystemConfig config = file.system(name, choice.tickets().toString());
    try {
      return ChangeRequestClient.of(
          config, file.secret(config.name()).resolve(choice.environment()));
    } catch (IllegalArgumentException e) {
      throw new InputException(choice.tickets().toString(), "/" + config.name(), e.getMessage(), e);
    }
  }
}
