package io.jenkins.plugins.patchpipeline;

import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code canaryDeploy}: deploys the units that triage approved in the build's record by a rollout
 * plan in the workspace, wave by wave, with holds that survive a controller restart. With a body
 * and a {@code block} plan, runs the body once per wave. With {@code decide}, records a person's
 * decision on a rollout that waits after inconclusive health data. Returns a summary map.
 */
public class CanaryDeployStep extends Step {
  private final String plan;
  private String approved;
  private String kubeconfigId;
  private String decide;
  private String tickets;
  private String changeRequest;
  private String changeRequestSystem;

  /**
   * @param plan the rollout plan (YAML), relative to the workspace
   */
  @DataBoundConstructor
  public CanaryDeployStep(String plan) {
    this.plan = plan;
  }

  public String getPlan() {
    return plan;
  }

  public String getApproved() {
    return approved;
  }

  /** Sets the unit ids to deploy, separated by commas; empty deploys every approved unit. */
  @DataBoundSetter
  public void setApproved(String approved) {
    this.approved = approved;
  }

  public String getKubeconfigId() {
    return kubeconfigId;
  }

  /**
   * Sets the id of a Secret file credential with the kubeconfig for kubectl, helm and argo-rollouts
   * plans; it wins over a {@code kubeconfigCredentialsId} in the plan.
   */
  @DataBoundSetter
  public void setKubeconfigId(String kubeconfigId) {
    this.kubeconfigId = kubeconfigId;
  }

  public String getDecide() {
    return decide;
  }

  /**
   * Sets the decision on a rollout that waits after inconclusive health data: {@code continue} or
   * {@code rollback}. The decider is the user who approved the latest input step, as Jenkins
   * recorded it.
   */
  @DataBoundSetter
  public void setDecide(String decide) {
    this.decide = decide;
  }

  public String getTickets() {
    return tickets;
  }

  /**
   * Sets the name of a configured ticket system; each wave's outcome is commented on the tickets of
   * the deployed units in it.
   */
  @DataBoundSetter
  public void setTickets(String tickets) {
    this.tickets = tickets;
  }

  public String getChangeRequest() {
    return changeRequest;
  }

  /**
   * Sets the ServiceNow change request to update, such as {@code CHG0030001}; it wins over the
   * plan's {@code changeRequest}.
   */
  @DataBoundSetter
  public void setChangeRequest(String changeRequest) {
    this.changeRequest = changeRequest;
  }

  public String getChangeRequestSystem() {
    return changeRequestSystem;
  }

  /**
   * Sets the configured ServiceNow system that contains the change request; without it, the plan's
   * {@code system} or else {@code tickets} is used.
   */
  @DataBoundSetter
  public void setChangeRequestSystem(String changeRequestSystem) {
    this.changeRequestSystem = changeRequestSystem;
  }

  @Override
  public StepExecution start(StepContext context) {
    return new CanaryDeployExecution(context, plan, approved, kubeconfigId, decide)
        .withNotices(tickets, changeRequest, changeRequestSystem);
  }

  @Extension
  public static final class DescriptorImpl extends StepDescriptor {
    @Override
    public String getFunctionName() {
      return "canaryDeploy";
    }

    @Override
    public String getDisplayName() {
      return Messages.CanaryDeployStep_DisplayName();
    }

    /** Returns true, but the body is optional: only a plan with {@code tool: block} takes one. */
    @Override
    public boolean takesImplicitBlockArgument() {
      return true;
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class, FilePath.class);
    }
  }
}
