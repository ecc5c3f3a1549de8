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
 * plan in the workspace, wave by wave, with holds that survive a controller restart. Returns a
 * summary map.
 */
public class CanaryDeployStep extends Step {
  private final String plan;
  private String approved;

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

  @Override
  public StepExecution start(StepContext context) {
    return new CanaryDeployExecution(context, plan, approved);
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

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class, FilePath.class);
    }
  }
}
