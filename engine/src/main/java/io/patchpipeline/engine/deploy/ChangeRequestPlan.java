package io.patchpipeline.engine.deploy;

import io.patchpipeline.engine.ticket.ChangeRequestClient;
import io.patchpipeline.engine.ticket.ChangeRequestStates;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The ServiceNow change request a rollout updates, from the plan's {@code changeRequest} key: a
 * number or {@code sys_id} alone, or a mapping with {@code number}, the ticket {@code system} that
 * reaches the instance, and the {@code states} to set.
 *
 * @param system the name of the ServiceNow system in the ticket systems configuration; empty means
 *     the configured default
 */
public record ChangeRequestPlan(
    String reference, Optional<String> system, ChangeRequestStates states) {

  /** Reads the {@code changeRequest} key of {@code plan}; empty when the plan has none. */
  public static Optional<ChangeRequestPlan> read(Path plan) throws IOException {
    return read(PlanLoader.root(plan));
  }

  static Optional<ChangeRequestPlan> read(PlanNodes root) {
    if (!root.has("changeRequest")) {
      return Optional.empty();
    }
    if (root.node().get("changeRequest").isValueNode()) {
      String reference = root.requiredText("changeRequest");
      check(root, "changeRequest", reference);
      return Optional.of(
          new ChangeRequestPlan(reference, Optional.empty(), ChangeRequestStates.DEFAULTS));
    }
    PlanNodes section = root.section("changeRequest");
    String reference = section.requiredText("number");
    check(section, "number", reference);
    PlanNodes states = section.section("states");
    ChangeRequestStates defaults = ChangeRequestStates.DEFAULTS;
    return Optional.of(
        new ChangeRequestPlan(
            reference,
            section.text("system"),
            new ChangeRequestStates(
                states.text("implement", defaults.implement()),
                states.text("review", defaults.review()),
                states.text("failed"))));
  }

  /** Returns this plan for another change request, such as one named on the command line. */
  public ChangeRequestPlan withReference(String value) {
    return new ChangeRequestPlan(value, system, states);
  }

  private static void check(PlanNodes nodes, String key, String reference) {
    if (!ChangeRequestClient.isReference(reference)) {
      throw nodes.error(
          key,
          "invalid change request '"
              + reference
              + "'; expected a number such as CHG0030001 or a 32-digit sys_id");
    }
  }
}
