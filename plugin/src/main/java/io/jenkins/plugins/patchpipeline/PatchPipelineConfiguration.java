package io.jenkins.plugins.patchpipeline;

import hudson.AbortException;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.FormValidation;
import io.patchpipeline.engine.ledger.LedgerOptions;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code Manage Jenkins > Patch Pipeline}: threat-data feeds, default policy and inventory, and the
 * named ticket systems. Every property has a data-bound setter that saves, so the page and
 * Configuration as Code ({@code unclassified: patchPipeline:}) set it the same way.
 */
@Extension
@Symbol("patchPipeline")
public class PatchPipelineConfiguration extends GlobalConfiguration {
  private String kevSource;
  private String epssSource;
  private String feedCacheFolder;
  private boolean downloadFeeds;
  private String defaultPolicy;
  private String defaultInventory;
  private List<TicketSystem> ticketSystems = new ArrayList<>();
  private String ledgerJdbcUrl;
  private String ledgerCredentialsId;

  public PatchPipelineConfiguration() {
    load();
  }

  public static PatchPipelineConfiguration get() {
    return ExtensionList.lookupSingleton(PatchPipelineConfiguration.class);
  }

  @Override
  public String getDisplayName() {
    return Messages.PatchPipelineConfiguration_DisplayName();
  }

  /** Returns the values steps fall back to, as a serializable snapshot. */
  public FeedDefaults feedDefaults() {
    return new FeedDefaults(
        kevSource, epssSource, feedCacheFolder, downloadFeeds, defaultPolicy, defaultInventory);
  }

  public String getKevSource() {
    return kevSource;
  }

  /** Sets the CISA KEV catalog as a file path on the agent. */
  @DataBoundSetter
  public void setKevSource(String kevSource) {
    this.kevSource = trimToNull(kevSource);
    save();
  }

  public String getEpssSource() {
    return epssSource;
  }

  /** Sets the FIRST EPSS scores as a file path on the agent. */
  @DataBoundSetter
  public void setEpssSource(String epssSource) {
    this.epssSource = trimToNull(epssSource);
    save();
  }

  public String getFeedCacheFolder() {
    return feedCacheFolder;
  }

  /** Sets the folder on the agent for downloaded feeds; relative to the workspace if relative. */
  @DataBoundSetter
  public void setFeedCacheFolder(String feedCacheFolder) {
    this.feedCacheFolder = trimToNull(feedCacheFolder);
    save();
  }

  public boolean isDownloadFeeds() {
    return downloadFeeds;
  }

  /** Sets whether KEV and EPSS are downloaded from their official URLs when no source is set. */
  @DataBoundSetter
  public void setDownloadFeeds(boolean downloadFeeds) {
    this.downloadFeeds = downloadFeeds;
    save();
  }

  public String getDefaultPolicy() {
    return defaultPolicy;
  }

  /** Sets the policy file or preset name used when a step names none. */
  @DataBoundSetter
  public void setDefaultPolicy(String defaultPolicy) {
    this.defaultPolicy = trimToNull(defaultPolicy);
    save();
  }

  public String getDefaultInventory() {
    return defaultInventory;
  }

  /** Sets the asset inventory used when a step names none. */
  @DataBoundSetter
  public void setDefaultInventory(String defaultInventory) {
    this.defaultInventory = trimToNull(defaultInventory);
    save();
  }

  /** Returns the configured ticket systems in their configured order. */
  public List<TicketSystem> getTicketSystems() {
    return new ArrayList<>(ticketSystems);
  }

  @DataBoundSetter
  public void setTicketSystems(List<TicketSystem> ticketSystems) {
    this.ticketSystems = ticketSystems == null ? new ArrayList<>() : new ArrayList<>(ticketSystems);
    save();
  }

  /** Returns the ticket system called {@code name}, or {@code null} if none is. */
  public TicketSystem ticketSystem(String name) {
    return ticketSystems.stream().filter(t -> t.getName().equals(name)).findFirst().orElse(null);
  }

  public String getLedgerJdbcUrl() {
    return ledgerJdbcUrl;
  }

  /** Sets the JDBC URL of a shared PostgreSQL ledger; empty keeps the embedded H2 ledger. */
  @DataBoundSetter
  public void setLedgerJdbcUrl(String ledgerJdbcUrl) {
    this.ledgerJdbcUrl = trimToNull(ledgerJdbcUrl);
    save();
  }

  public String getLedgerCredentialsId() {
    return ledgerCredentialsId;
  }

  /** Sets the Username with password credential of the PostgreSQL ledger. */
  @DataBoundSetter
  public void setLedgerCredentialsId(String ledgerCredentialsId) {
    this.ledgerCredentialsId = trimToNull(ledgerCredentialsId);
    save();
  }

  /**
   * Returns where the SLA ledger lives: {@code $JENKINS_HOME/patch-pipeline/ledger.mv.db} unless a
   * JDBC URL is set.
   *
   * @throws AbortException when the URL is not supported or its credential is not found
   */
  public LedgerOptions ledgerOptions() throws AbortException {
    return LedgerLocation.resolve(
        ledgerJdbcUrl,
        ledgerCredentialsId,
        Jenkins.get().getRootDir().toPath(),
        LedgerLocation.SYSTEM);
  }

  @POST
  public FormValidation doCheckKevSource(@QueryParameter String value) {
    Jenkins.get().checkPermission(Jenkins.ADMINISTER);
    return FormChecks.optionalSource(value);
  }

  @POST
  public FormValidation doCheckEpssSource(@QueryParameter String value) {
    Jenkins.get().checkPermission(Jenkins.ADMINISTER);
    return FormChecks.optionalSource(value);
  }

  private static String trimToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
