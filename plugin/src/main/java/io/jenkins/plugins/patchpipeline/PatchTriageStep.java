package io.jenkins.plugins.patchpipeline;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code patchTriage}: without {@code approve}, applies the triage policy to the build's record and
 * returns approved, pending and deferred unit ids with what an approver must see. With {@code
 * approve}, records the approval that the preceding {@code input} step recorded on the run; the
 * approver is the user Jenkins recorded, never a name the Jenkinsfile passes.
 */
public class PatchTriageStep extends Step {
  private String policy;
  private String inventory;
  private String ssvc;
  private List<String> approve = new ArrayList<>();
  private String approver;
  private String reason;
  private boolean emergencyBypass;
  private String tickets;

  @DataBoundConstructor
  public PatchTriageStep() {}

  public String getPolicy() {
    return policy;
  }

  /** Sets the policy YAML in the workspace; empty uses the built-in policy. */
  @DataBoundSetter
  public void setPolicy(String policy) {
    this.policy = policy;
  }

  public String getInventory() {
    return inventory;
  }

  /** Sets the asset inventory in the workspace; empty leaves every asset value unknown. */
  @DataBoundSetter
  public void setInventory(String inventory) {
    this.inventory = inventory;
  }

  public String getSsvc() {
    return ssvc;
  }

  /** Sets the SSVC values file (automatable, technical impact per CVE) in the workspace. */
  @DataBoundSetter
  public void setSsvc(String ssvc) {
    this.ssvc = ssvc;
  }

  public List<String> getApprove() {
    return new ArrayList<>(approve);
  }

  /** Sets the unit ids to approve; non-empty switches the step to recording an approval. */
  @DataBoundSetter
  public void setApprove(List<String> approve) {
    this.approve = approve == null ? new ArrayList<>() : new ArrayList<>(approve);
  }

  public String getApprover() {
    return approver;
  }

  /**
   * Sets the approver the Jenkinsfile expects, such as the input step's {@code submitterParameter}
   * value. It is only compared with the user Jenkins recorded; a mismatch fails the step.
   */
  @DataBoundSetter
  public void setApprover(String approver) {
    this.approver = approver;
  }

  public String getReason() {
    return reason;
  }

  @DataBoundSetter
  public void setReason(String reason) {
    this.reason = reason;
  }

  public boolean isEmergencyBypass() {
    return emergencyBypass;
  }

  /** Sets whether the approval lets emergency units skip the canary; it needs a reason. */
  @DataBoundSetter
  public void setEmergencyBypass(boolean emergencyBypass) {
    this.emergencyBypass = emergencyBypass;
  }

  public String getTickets() {
    return tickets;
  }

  /**
   * Sets the name of the configured ticket system, as for {@code patchDetect}, on whose tickets the
   * step comments each decision or approval; an emergency bypass also opens a post-incident review
   * ticket there. A failed ticket write makes the build unstable.
   */
  @DataBoundSetter
  public void setTickets(String tickets) {
    this.tickets = tickets;
  }

  @Override
  public StepExecution start(StepContext context) throws Exception {
    return new TriageExecution(this, context);
  }

  /** Registers the step under its function name. */
  @Extension
  public static final class DescriptorImpl extends StepDescriptor {
    @Override
    public String getFunctionName() {
      return "patchTriage";
    }

    @Override
    public String getDisplayName() {
      return Messages.PatchTriageStep_DisplayName();
    }

    /** No workspace is required: an approval runs after an input step, outside any node. */
    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class);
    }
  }
}
