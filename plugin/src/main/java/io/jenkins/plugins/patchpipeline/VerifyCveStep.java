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
 * {@code verifyCve}: proves, unit by unit, that the CVEs of the build's record are gone, from a
 * re-scan, installed versions or both. It adds the verdicts to the record, writes an evidence
 * bundle per unit, closes the tickets of verified units with their bundle, notifies DefectDojo and
 * a signed webhook, uploads the bundles to S3-compatible storage, and fails or marks the build
 * unstable while a CVE remains.
 */
public class VerifyCveStep extends Step {
  private String rescan;
  private String installed;
  private String installedFormat;
  private String advisories;
  private String scannedTargets;
  private String onRemaining;
  private String tickets;
  private String signingKeyId;
  private String evidenceFolder;
  private String defectDojoUrl;
  private String defectDojoCredentialsId;
  private String webhookUrl;
  private String webhookCredentialsId;
  private String evidenceStore;
  private String s3Endpoint;
  private String s3Region;
  private String s3CredentialsId;

  @DataBoundConstructor
  public VerifyCveStep() {}

  public String getRescan() {
    return rescan;
  }

  /** Sets the re-scan reports: files or globs relative to the workspace, any patchDetect format. */
  @DataBoundSetter
  public void setRescan(String rescan) {
    this.rescan = rescan;
  }

  public String getInstalled() {
    return installed;
  }

  /** Sets the installed-version files: files or globs relative to the workspace. */
  @DataBoundSetter
  public void setInstalled(String installed) {
    this.installed = installed;
  }

  public String getInstalledFormat() {
    return installedFormat;
  }

  /**
   * Sets the format of the installed-version files; {@code auto} detects it from each file name.
   */
  @DataBoundSetter
  public void setInstalledFormat(String installedFormat) {
    this.installedFormat = installedFormat;
  }

  public String getAdvisories() {
    return advisories;
  }

  /** Sets distribution advisories (Debian DSA/DLA as OSV JSON, or OVAL XML) with fixed versions. */
  @DataBoundSetter
  public void setAdvisories(String advisories) {
    this.advisories = advisories;
  }

  public String getScannedTargets() {
    return scannedTargets;
  }

  /**
   * Sets the targets the re-scan covered, separated by commas or line breaks, so that a target with
   * no finding left counts as scanned rather than absent.
   */
  @DataBoundSetter
  public void setScannedTargets(String scannedTargets) {
    this.scannedTargets = scannedTargets;
  }

  public String getOnRemaining() {
    return onRemaining;
  }

  /**
   * Sets what a remaining or unverified CVE does: {@code failure}, {@code unstable} or {@code
   * ignore}.
   */
  @DataBoundSetter
  public void setOnRemaining(String onRemaining) {
    this.onRemaining = onRemaining;
  }

  public String getTickets() {
    return tickets;
  }

  /** Sets the configured ticket system whose tickets of verified units are closed. */
  @DataBoundSetter
  public void setTickets(String tickets) {
    this.tickets = tickets;
  }

  public String getSigningKeyId() {
    return signingKeyId;
  }

  /** Sets the id of the Secret file credential that signs the evidence bundles. */
  @DataBoundSetter
  public void setSigningKeyId(String signingKeyId) {
    this.signingKeyId = signingKeyId;
  }

  public String getEvidenceFolder() {
    return evidenceFolder;
  }

  /** Sets a folder on the agent for the bundles; empty archives them with the build. */
  @DataBoundSetter
  public void setEvidenceFolder(String evidenceFolder) {
    this.evidenceFolder = evidenceFolder;
  }

  public String getDefectDojoUrl() {
    return defectDojoUrl;
  }

  /**
   * Sets the DefectDojo URL, such as {@code https://defectdojo.example.com/}; the findings of each
   * verified unit's CVEs are marked mitigated there.
   */
  @DataBoundSetter
  public void setDefectDojoUrl(String defectDojoUrl) {
    this.defectDojoUrl = defectDojoUrl;
  }

  public String getDefectDojoCredentialsId() {
    return defectDojoCredentialsId;
  }

  /** Sets the id of the Secret text credential with the DefectDojo API key. */
  @DataBoundSetter
  public void setDefectDojoCredentialsId(String defectDojoCredentialsId) {
    this.defectDojoCredentialsId = defectDojoCredentialsId;
  }

  public String getWebhookUrl() {
    return webhookUrl;
  }

  /** Sets the URL that receives a signed {@code unit.verified} event per verified unit. */
  @DataBoundSetter
  public void setWebhookUrl(String webhookUrl) {
    this.webhookUrl = webhookUrl;
  }

  public String getWebhookCredentialsId() {
    return webhookCredentialsId;
  }

  /** Sets the id of the Secret text credential with the webhook's HMAC-SHA256 secret. */
  @DataBoundSetter
  public void setWebhookCredentialsId(String webhookCredentialsId) {
    this.webhookCredentialsId = webhookCredentialsId;
  }

  public String getEvidenceStore() {
    return evidenceStore;
  }

  /** Sets the S3-compatible storage for the bundles, as {@code s3://bucket/prefix}. */
  @DataBoundSetter
  public void setEvidenceStore(String evidenceStore) {
    this.evidenceStore = evidenceStore;
  }

  public String getS3Endpoint() {
    return s3Endpoint;
  }

  /**
   * Sets the S3 endpoint, such as {@code http://minio.example.com:9000}; empty uses AWS in {@code
   * s3Region}.
   */
  @DataBoundSetter
  public void setS3Endpoint(String s3Endpoint) {
    this.s3Endpoint = s3Endpoint;
  }

  public String getS3Region() {
    return s3Region;
  }

  /** Sets the region that requests are signed for; empty is {@code us-east-1}. */
  @DataBoundSetter
  public void setS3Region(String s3Region) {
    this.s3Region = s3Region;
  }

  public String getS3CredentialsId() {
    return s3CredentialsId;
  }

  /**
   * Sets the id of the Username with password credential: the access key id and the secret access
   * key.
   */
  @DataBoundSetter
  public void setS3CredentialsId(String s3CredentialsId) {
    this.s3CredentialsId = s3CredentialsId;
  }

  @Override
  public StepExecution start(StepContext context) throws Exception {
    PatchPipelineConfiguration configuration = PatchPipelineConfiguration.get();
    return new VerifyExecution(
        this,
        context,
        new TicketStage(configuration.getTicketSystems(), CredentialLookup.store()),
        CredentialLookup.store(),
        LedgerHook.configured());
  }

  /** Registers the step under its function name and backs the Snippet Generator form. */
  @Extension
  public static final class DescriptorImpl extends StepDescriptor {
    @Override
    public String getFunctionName() {
      return "verifyCve";
    }

    @Override
    public String getDisplayName() {
      return Messages.VerifyCveStep_DisplayName();
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class, FilePath.class, Launcher.class);
    }

    @POST
    public FormValidation doCheckRescan(@AncestorInPath Item item, @QueryParameter String value) {
      checkConfigure(item);
      return FormChecks.optionalWorkspacePath(value);
    }

    @POST
    public FormValidation doCheckInstalled(
        @AncestorInPath Item item, @QueryParameter String value) {
      checkConfigure(item);
      return FormChecks.optionalWorkspacePath(value);
    }

    @POST
    public FormValidation doCheckEvidenceFolder(
        @AncestorInPath Item item, @QueryParameter String value) {
      checkConfigure(item);
      return FormChecks.optionalWorkspacePath(value);
    }

    @POST
    public ListBoxModel doFillOnRemainingItems(@AncestorInPath Item item) {
      checkConfigure(item);
      ListBoxModel choices = new ListBoxModel();
      for (String value : VerifySettings.ON_REMAINING) {
        choices.add(value, value);
      }
      return choices;
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
