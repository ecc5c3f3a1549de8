package io.jenkins.plugins.patchpipeline;

import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.Set;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code patchDetect}: reads scanner reports in the workspace, enriches and prioritizes the
 * findings, groups them into remediation units and stores the record with the build. The work runs
 * on the agent; the step returns a small summary map.
 */
public class PatchDetectStep extends Step {
  private final String reports;
  private String inventory;
  private String policy;
  private String kev;
  private String epss;
  private String failOnPriority;
  private String tickets;
  private boolean failOnTicketError;

  /**
   * @param reports report files or globs relative to the workspace, separated by commas or lines
   */
  @DataBoundConstructor
  public PatchDetectStep(String reports) {
    this.reports = reports;
  }

  public String getReports() {
    return reports;
  }

  public String getInventory() {
    return inventory;
  }

  /** Sets the asset inventory (YAML or CSV); empty uses the global default. */
  @DataBoundSetter
  public void setInventory(String inventory) {
    this.inventory = inventory;
  }

  public String getPolicy() {
    return policy;
  }

  /** Sets the policy YAML or preset name; empty uses the global default or the built-in policy. */
  @DataBoundSetter
  public void setPolicy(String policy) {
    this.policy = policy;
  }

  public String getKev() {
    return kev;
  }

  /** Sets the CISA KEV catalog file; empty uses the global feed source. */
  @DataBoundSetter
  public void setKev(String kev) {
    this.kev = kev;
  }

  public String getEpss() {
    return epss;
  }

  /** Sets the FIRST EPSS scores file; empty uses the global feed source. */
  @DataBoundSetter
  public void setEpss(String epss) {
    this.epss = epss;
  }

  public String getFailOnPriority() {
    return failOnPriority;
  }

  /** Sets the priority ({@code P0} to {@code P3}) at or above which the step fails. */
  @DataBoundSetter
  public void setFailOnPriority(String failOnPriority) {
    this.failOnPriority = failOnPriority;
  }

  public String getTickets() {
    return tickets;
  }

  /** Sets the name of the configured ticket system to open and update tickets in. */
  @DataBoundSetter
  public void setTickets(String tickets) {
    this.tickets = tickets;
  }

  public boolean isFailOnTicketError() {
    return failOnTicketError;
  }

  /**
   * Sets whether a ticket write that failed fails the build; by default it makes the build
   * unstable.
   */
  @DataBoundSetter
  public void setFailOnTicketError(boolean failOnTicketError) {
    this.failOnTicketError = failOnTicketError;
  }

  @Override
  public StepExecution start(StepContext context) throws Exception {
    PatchPipelineConfiguration configuration = PatchPipelineConfiguration.get();
    return new DetectExecution(
        this,
        context,
        configuration.feedDefaults(),
        null,
        new TicketStage(configuration.getTicketSystems(), CredentialLookup.store()));
  }

  /** Registers the step under its function name and backs the Snippet Generator form. */
  @Extension
  public static final class DescriptorImpl extends StepDescriptor {
    @Override
    public String getFunctionName() {
      return "patchDetect";
    }

    @Override
    public String getDisplayName() {
      return Messages.PatchDetectStep_DisplayName();
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class, FilePath.class, Launcher.class);
    }

    @POST
    public FormValidation doCheckReports(@AncestorInPath Item item, @QueryParameter String value) {
      checkConfigure(item);
      return FormChecks.workspaceGlobs(value);
    }

    @POST
    public FormValidation doCheckInventory(
        @AncestorInPath Item item, @QueryParameter String value) {
      checkConfigure(item);
      return FormChecks.optionalWorkspacePath(value);
    }

    @POST
    public FormValidation doCheckKev(@AncestorInPath Item item, @QueryParameter String value) {
      checkConfigure(item);
      return FormChecks.optionalSource(value);
    }

    @POST
    public FormValidation doCheckEpss(@AncestorInPath Item item, @QueryParameter String value) {
      checkConfigure(item);
      return FormChecks.optionalSource(value);
    }

    @POST
    public ListBoxModel doFillFailOnPriorityItems(@AncestorInPath Item item) {
      checkConfigure(item);
      return FormChecks.priorityChoices();
    }

    /**
     * Requires Job/Configure in a job's Snippet Generator, and Overall/Administer outside a job.
     */
    private static void checkConfigure(Item item) {
      if (item == null) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
      } else {
        item.checkPermission(Item.CONFIGURE);
      }
    }
  }
}
