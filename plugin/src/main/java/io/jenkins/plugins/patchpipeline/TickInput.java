package io.jenkins.plugins.patchpipeline;

import io.patchpipeline.engine.deploy.DeployOptions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The inputs of one rollout step on the agent, besides the record, the state and the kubeconfig.
 *
 * @param plan the rollout plan, relative to the workspace
 * @param approved unit ids to deploy; empty deploys every approved unit
 * @param decision {@code continue} or {@code rollback} for a rollout awaiting a decision, or null
 * @param decidedBy the user Jenkins recorded as the approver of the decision, or null
 * @param body whether the step has a body, which the plan's {@code block} tool runs
 * @param bodyResult the outcome of the body's latest run, or null
 * @param tempDir the workspace's temporary folder on the agent, for the kubeconfig file
 */
record TickInput(
    String plan,
    ArrayList<String> approved,
    String decision,
    String decidedBy,
    boolean body,
    BodyResult bodyResult,
    String tempDir)
    implements Serializable {
  TickInput {
    approved = new ArrayList<>(approved);
  }

  List<String> approvedList() {
    return List.copyOf(approved);
  }

  Optional<DeployOptions.Decision> engineDecision() {
    if (decision == null) {
      return Optional.empty();
    }
    return Optional.of(new DeployOptions.Decision(CONTINUE.equals(decision), decidedBy));
  }

  static final String CONTINUE = "continue";
  static final String ROLLBACK = "rollback";
}
