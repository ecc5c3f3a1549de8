package io.jenkins.plugins.patchpipeline;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.patchpipeline.engine.http.Credentials;
import io.patchpipeline.engine.http.HttpSettings;
import io.patchpipeline.engine.ticket.TicketClients;
import io.patchpipeline.engine.ticket.TicketSystemConfig;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The {@code Test connection} button of a ticket system. It tests only a system that is already
 * saved, found by its saved name, with the saved URL and the saved credential ID; it takes no URL
 * or credential from the request. So the button cannot send a stored credential to a URL that the
 * request names. The test sends read requests only (Jira: the current user and the project;
 * ServiceNow: one record of the table).
 */
final class ConnectionCheck {
  /** Finds a Secret text credential of the global store by ID; {@code null} when there is none. */
  @FunctionalInterface
  interface GlobalSecrets {
    Secret find(String id);
  }

  private final Runnable requireAdminister;
  private final Function<String, TicketSystem> savedSystems;
  private final GlobalSecrets secrets;
  private final Supplier<HttpSettings> http;

  /**
   * @param requireAdminister throws when the current user lacks Overall/Administer
   * @param savedSystems the saved ticket system of a name, {@code null} when none has that name
   * @param secrets the global credentials store
   * @param http the HTTP settings, such as Jenkins' proxy configuration
   */
  ConnectionCheck(
      Runnable requireAdminister,
      Function<String, TicketSystem> savedSystems,
      GlobalSecrets secrets,
      Supplier<HttpSettings> http) {
    this.requireAdminister = requireAdminister;
    this.savedSystems = savedSystems;
    this.secrets = secrets;
    this.http = http;
  }

  /** Returns the check of the saved global configuration, as the controller's administrator. */
  static ConnectionCheck ofJenkins() {
    return new ConnectionCheck(
        () -> Jenkins.get().checkPermission(Jenkins.ADMINISTER),
        name -> PatchPipelineConfiguration.get().ticketSystem(name),
        ConnectionCheck::globalSecret,
        JenkinsProxy::settings);
  }

  /**
   * Tests the saved ticket system {@code name}. The permission check comes first, so that a user
   * without Overall/Administer learns nothing about the configuration.
   */
  FormValidation test(String name) {
    requireAdminister.run();
    if (name == null || name.isBlank()) {
      return FormValidation.error(Messages.Tickets_TestNoName());
    }
    if (!(savedSystems.apply(name.trim()) instanceof ConfiguredTicketSystem system)) {
      return FormValidation.error(Messages.Tickets_TestNotSaved(name.trim()));
    }
    TicketSystemConfig config;
    try {
      config = system.toConfig(http.get());
    } catch (IllegalArgumentException e) {
      return FormValidation.error(Messages.Tickets_Invalid(system.getName(), e.getMessage()));
    }
    String id = system.getCredentialsId();
    Secret secret = id == null ? null : secrets.find(id);
    if (secret == null) {
      return FormValidation.error(
          Messages.Credentials_NotFound(
              id == null ? "" : id,
              StringCredentials.class.getSimpleName(),
              "ticket system '" + system.getName() + "'"));
    }
    return connect(system, config, secret.getPlainText());
  }

  private static FormValidation connect(
      ConfiguredTicketSystem system, TicketSystemConfig config, String secret) {
    try {
      Credentials credentials = system.credentials(secret);
      String result =
          TicketClients.create(config, credentials, Clock.systemUTC()).checkConnection();
      return FormValidation.ok(Messages.Tickets_TestPassed(hide(result, secret)));
    } catch (IOException | IllegalArgumentException e) {
      // The engine redacts its messages already; the second pass guards against a secret that a
      // server echoed in a form the engine does not know.
      return FormValidation.error(Messages.Tickets_TestFailed(hide(e.getMessage(), secret)));
    }
  }

  private static String hide(String text, String secret) {
    if (text == null) {
      return "";
    }
    return secret.isEmpty() ? text : text.replace(secret, "****");
  }

  /**
   * Returns the Secret text credential {@code id} of the global store. The lookup runs as SYSTEM
   * because only an administrator reaches it; the {@code null} group is Jenkins itself, as the
   * credentials plugin defines it.
   */
  // TODO: Reject a System-scoped credential, which this lookup finds but builds cannot use, once
  // the credentials API mirror has Credentials.getScope(). Folder credentials are not searched.
  private static Secret globalSecret(String id) {
    List<StringCredentials> all =
        CredentialsProvider.lookupCredentialsInItemGroup(
            StringCredentials.class, null, ACL.SYSTEM2, List.of());
    for (StringCredentials credential : all) {
      if (id.equals(credential.getId())) {
        return credential.getSecret();
      }
    }
    return null;
  }
}
