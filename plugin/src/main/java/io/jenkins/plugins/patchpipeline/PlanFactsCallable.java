package io.jenkins.plugins.patchpipeline;

import hudson.remoting.VirtualChannel;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.deploy.ChangeRequestPlan;
import io.patchpipeline.engine.deploy.DeployPlan;
import io.patchpipeline.engine.deploy.PlanLoader;
import io.patchpipeline.engine.deploy.tool.KubernetesSettings;
import io.patchpipeline.engine.ticket.ChangeRequestStates;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Optional;
import jenkins.MasterToSlaveFileCallable;

/**
 * Reads what the controller must know about a rollout plan before the first rollout step: the tool,
 * the id of the credential with the kubeconfig if the plan names one, and the plan's change
 * request, which the controller updates.
 */
final class PlanFactsCallable extends MasterToSlaveFileCallable<PlanFactsCallable.Facts> {
  private static final long serialVersionUID = 1L;

  /**
   * The plan's tool and kubeconfig credential id ({@code null} when it names none), or the problem
   * that kept the plan from being read.
   */
  record Facts(String tool, String kubeconfigId, ChangeFacts change, String problem)
      implements Serializable {
    boolean isFailed() {
      return !problem.isEmpty();
    }
  }

  /**
   * The plan's {@code changeRequest}: the reference, the ticket system ({@code null} when the plan
   * names none) and the states to set ({@code failed} is {@code null} when none is set).
   */
  record ChangeFacts(
      String reference, String system, String implement, String review, String failed)
      implements Serializable {
    static ChangeFacts of(ChangeRequestPlan plan) {
      return new ChangeFacts(
          plan.reference(),
          plan.system().orElse(null),
          plan.states().implement(),
          plan.states().review(),
          plan.states().failed().orElse(null));
    }

    ChangeRequestPlan toPlan() {
      return new ChangeRequestPlan(
          reference,
          Optional.ofNullable(system),
          new ChangeRequestStates(implement, review, Optional.ofNullable(failed)));
    }
  }

  private final String plan;

  PlanFactsCallable(String plan) {
    this.plan = plan;
  }

  @Override
  public Facts invoke(File workspace, VirtualChannel channel)
      throws IOException, InterruptedException {
    try {
      Path file = workspace.toPath().resolve(plan);
      DeployPlan loaded = PlanLoader.load(file);
      return new Facts(
          loaded.tool(),
          KubernetesSettings.credentialsId(loaded).orElse(null),
          ChangeRequestPlan.read(file).map(ChangeFacts::of).orElse(null),
          "");
    } catch (InputException e) {
      return new Facts("", null, null, e.getMessage());
    }
  }
}
