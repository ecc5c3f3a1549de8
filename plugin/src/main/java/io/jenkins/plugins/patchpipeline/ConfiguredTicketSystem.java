package io.jenkins.plugins.patchpipeline;

import hudson.Extension;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.patchpipeline.engine.http.Credentials;
import io.patchpipeline.engine.http.HttpSettings;
import io.patchpipeline.engine.ticket.TicketSystemConfig;
import io.patchpipeline.engine.ticket.TicketSystemType;
import java.net.URI;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A Jira Cloud, Jira Data Center or ServiceNow system configured under Manage Jenkins. It contains
 * the ID of a Secret text credential, never the secret. {@link #toConfig} is the one place where
 * the form's values become the engine's {@link TicketSystemConfig}.
 */
public class ConfiguredTicketSystem extends TicketSystem {
  private final String name;
  private final String type;
  private final String url;
  private final String credentialsId;
  private String user;
  private String project;
  private String issueType;
  private String table;
  private String closeTransition;
  private String resolvedState;
  private String closeCode;
  private boolean closureByScan;
  private int searchBatchSize;

  /**
   * @param type {@code jira-cloud}, {@code jira-datacenter} or {@code servicenow}
   * @param credentialsId the Secret text credential with the API token or password
   */
  @DataBoundConstructor
  public ConfiguredTicketSystem(String name, String type, String url, String credentialsId) {
    this.name = trim(name);
    this.type = trim(type);
    this.url = trim(url);
    this.credentialsId = trim(credentialsId);
  }

  @Override
  public String getName() {
    return name;
  }

  public String getType() {
    return type;
  }

  public String getUrl() {
    return url;
  }

  public String getCredentialsId() {
    return credentialsId;
  }

  public String getUser() {
    return user;
  }

  /**
   * Sets the user for HTTP Basic, such as the Jira Cloud account e-mail. Empty sends a Bearer
   * token.
   */
  @DataBoundSetter
  public void setUser(String user) {
    this.user = trim(user);
  }

  public String getProject() {
    return project;
  }

  @DataBoundSetter
  public void setProject(String project) {
    this.project = trim(project);
  }

  public String getIssueType() {
    return issueType;
  }

  @DataBoundSetter
  public void setIssueType(String issueType) {
    this.issueType = trim(issueType);
  }

  public String getTable() {
    return table;
  }

  @DataBoundSetter
  public void setTable(String table) {
    this.table = trim(table);
  }

  public String getCloseTransition() {
    return closeTransition;
  }

  @DataBoundSetter
  public void setCloseTransition(String closeTransition) {
    this.closeTransition = trim(closeTransition);
  }

  public String getResolvedState() {
    return resolvedState;
  }

  @DataBoundSetter
  public void setResolvedState(String resolvedState) {
    this.resolvedState = trim(resolvedState);
  }

  public String getCloseCode() {
    return closeCode;
  }

  @DataBoundSetter
  public void setCloseCode(String closeCode) {
    this.closeCode = trim(closeCode);
  }

  public boolean isClosureByScan() {
    return closureByScan;
  }

  @DataBoundSetter
  public void setClosureByScan(boolean closureByScan) {
    this.closureByScan = closureByScan;
  }

  public int getSearchBatchSize() {
    return searchBatchSize;
  }

  /** Sets the dedup keys per search request, 1 to 100, where 0 keeps the engine's default. */
  @DataBoundSetter
  public void setSearchBatchSize(int searchBatchSize) {
    this.searchBatchSize = searchBatchSize;
  }

  /**
   * Builds the engine's configuration, where unset fields keep the engine's defaults.
   *
   * @throws IllegalArgumentException when the type, URL, project or batch size is invalid
   */
  public TicketSystemConfig toConfig(HttpSettings http) {
    TicketSystemConfig.Builder builder =
        TicketSystemConfig.builder(name, TicketSystemType.parse(type)).http(http);
    if (url != null) {
      builder.url(URI.create(url));
    }
    if (project != null) {
      builder.project(project);
    }
    if (issueType != null) {
      builder.issueType(issueType);
    }
    if (table != null) {
      builder.table(table);
    }
    if (closeTransition != null) {
      builder.closeTransition(closeTransition);
    }
    if (resolvedState != null) {
      builder.resolvedState(resolvedState);
    }
    if (closeCode != null) {
      builder.closeCode(closeCode);
    }
    if (searchBatchSize != 0) {
      builder.searchBatchSize(searchBatchSize);
    }
    return builder.closureByScan(closureByScan).build();
  }

  /** Returns HTTP Basic credentials when a user is set, otherwise a Bearer token. */
  public Credentials credentials(String secret) {
    return user == null ? Credentials.bearer(secret) : Credentials.basic(user, secret);
  }

  private static String trim(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** Registers the ticket system kind for the global configuration and Configuration as Code. */
  @Extension
  @Symbol("ticketSystem")
  public static final class DescriptorImpl extends Descriptor<TicketSystem> {
    @Override
    public String getDisplayName() {
      return Messages.ConfiguredTicketSystem_DisplayName();
    }

    /**
     * Tests the saved ticket system whose name the form shows, with its saved URL and credential.
     * The form's other values are ignored on purpose: the request cannot pick where the stored
     * credential goes.
     */
    @POST
    public FormValidation doTestConnection(@QueryParameter String name) {
      Jenkins.get().checkPermission(Jenkins.ADMINISTER);
      return ConnectionCheck.ofJenkins().test(name);
    }

    @POST
    public ListBoxModel doFillTypeItems() {
      Jenkins.get().checkPermission(Jenkins.ADMINISTER);
      ListBoxModel items = new ListBoxModel();
      items.add("Jira Cloud", TicketSystemType.JIRA_CLOUD.id());
      items.add("Jira Data Center", TicketSystemType.JIRA_DATA_CENTER.id());
      items.add("ServiceNow", TicketSystemType.SERVICENOW.id());
      return items;
    }
  }
}
