package io.jenkins.plugins.patchpipeline;

import hudson.remoting.VirtualChannel;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.deploy.DeployPlan;
import io.patchpipeline.engine.deploy.PlanLoader;
import io.patchpipeline.engine.deploy.tool.KubernetesSettings;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import jenkins.MasterToSlaveFileCallable;

/**
 * Reads what the controller must know about a rollout plan before the first rollout step: the tool,
 * and the id of the credential with the kubeconfig if the plan names one.
 */
final class PlanFactsCallable extends MasterToSlaveFileCallable<PlanFactsCallable.Facts> {
  private static final long serialVersionUID = 1L;

  /**
   * The plan's tool and kubeconfig credential id ({@code null} when it names none), or the problem
   * that kept the plan from being read.
   */
  record Facts(String tool, String kubeconfigId, String problem) implements Serializable {
    boolean isFailed() {
      return !problem.isEmpty();
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
      DeployPlan loaded = PlanLoader.load(workspace.toPath().resolve(plan));
      return new Facts(loaded.tool(), KubernetesSettings.credentialsId(loaded).orElse(null), "");
    } catch (InputException e) {
      return new Facts("", null, e.getMessage());
    }
  }
}
