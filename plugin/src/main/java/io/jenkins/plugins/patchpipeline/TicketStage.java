package io.jenkins.plugins.patchpipeline;

import hudson.AbortException;
import hudson.model.Run;
import io.patchpipeline.engine.core.Message;
import io.patchpipeline.engine.http.Credentials;
import io.patchpipeline.engine.http.HttpSettings;
import io.patchpipeline.engine.record.RecordStore;
import io.patchpipeline.engine.ticket.TicketSync;
import io.patchpipeline.engine.ticket.TicketSyncOptions;
import io.patchpipeline.engine.ticket.TicketSyncResult;
import io.patchpipeline.engine.ticket.TicketSystemConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Opens and updates the tickets of the record stored with a build, in one configured ticket system.
 * The secret is read from the credentials store for the build and passed only to the engine, which
 * redacts it from its messages and errors.
 */
final class TicketStage {
  private final List<TicketSystem> systems;
  private final CredentialLookup credentials;
  private final Supplier<HttpSettings> http;

  /**
   * Creates a stage whose requests use Jenkins' proxy configuration.
   *
   * @param systems the configured ticket systems, as the global configuration lists them
   * @param credentials where secrets are read for the build
   */
  TicketStage(List<TicketSystem> systems, CredentialLookup credentials) {
    this(systems, credentials, JenkinsProxy::settings);
  }

  /** Creates a stage whose requests use the settings that {@code http} returns at each sync. */
  TicketStage(
      List<TicketSystem> systems, CredentialLookup credentials, Supplier<HttpSettings> http) {
    this.systems = List.copyOf(systems);
    this.credentials = credentials;
    this.http = http;
  }

  /**
   * Syncs the tickets of the build's record with the system {@code name} and stores the updated
   * record with the build.
   *
   * @return the counts, the ticket key of each unit that has a ticket, and how many units' writes
   *     failed and stay in the outbox for the next run
   * @throws AbortException when no system has that name, it is configured wrongly or its credential
   *     is missing
   * @throws IOException when the record or the outbox cannot be read or written
   */
  TicketSyncResult sync(Run<?, ?> run, String name, PrintStream log) throws IOException {
    ConfiguredTicketSystem system = find(name.trim());
    TicketSystemConfig config;
    HttpSettings settings;
    try {
      settings = http.get();
    } catch (IllegalArgumentException e) {
      throw new AbortException(Messages.Tickets_InvalidProxy(e.getMessage()));
    }
    try {
      config = system.toConfig(settings);
    } catch (IllegalArgumentException e) {
      throw new AbortException(Messages.Tickets_Invalid(system.getName(), e.getMessage()));
    }
    String purpose = "ticket system '" + system.getName() + "'";
    Credentials secret =
        system.credentials(
            credentials.secretText(run, system.getCredentialsId(), purpose).getPlainText());
    TicketSyncResult result =
        TicketSync.of(TicketSyncOptions.forRecord(config, secret, BuildRecords.file(run), false))
            .sync(BuildRecords.read(run));
    for (Message message : result.messages()) {
      log.println(Messages.Console_Prefix(message.text()));
    }
    BuildRecords.write(run, RecordStore.toBytes(result.record()));
    log.println(Messages.Console_Prefix(result.summary(system.getName())));
    return result;
  }

  private ConfiguredTicketSystem find(String name) throws AbortException {
    for (TicketSystem system : systems) {
      if (system.getName().equals(name) && system instanceof ConfiguredTicketSystem configured) {
        return configured;
      }
    }
    String names =
        systems.isEmpty()
            ? "none"
            : systems.stream().map(s -> "'" + s.getName() + "'").collect(Collectors.joining(", "));
    throw new AbortException(Messages.Tickets_UnknownSystem(name, names));
  }
}
