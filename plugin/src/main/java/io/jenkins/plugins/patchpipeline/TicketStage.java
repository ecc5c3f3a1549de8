package io.jenkins.plugins.patchpipeline;

import hudson.AbortException;
import hudson.model.Run;
import io.patchpipeline.engine.core.Message;
import io.patchpipeline.engine.http.Credentials;
import io.patchpipeline.engine.http.HttpSettings;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RecordStore;
import io.patchpipeline.engine.service.VerifySection;
import io.patchpipeline.engine.ticket.ChangeRequestClient;
import io.patchpipeline.engine.ticket.TicketLink;
import io.patchpipeline.engine.ticket.TicketLinks;
import io.patchpipeline.engine.ticket.TicketSync;
import io.patchpipeline.engine.ticket.TicketSyncOptions;
import io.patchpipeline.engine.ticket.TicketSyncResult;
import io.patchpipeline.engine.ticket.TicketSystemConfig;
import io.patchpipeline.engine.triage.TriageTickets;
import io.patchpipeline.engine.triage.TriageTicketsResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    TicketSync sync = open(run, name);
    TicketSyncResult result = sync.sync(BuildRecords.read(run));
    for (Message message : result.messages()) {
      log.println(Messages.Console_Prefix(message.text()));
    }
    BuildRecords.write(run, RecordStore.toBytes(result.record()));
    log.println(Messages.Console_Prefix(result.summary(sync.systemName())));
    return result;
  }

  /**
   * Comments the triage decisions and approvals of the build's record on the units' tickets in the
   * system {@code name}, opens the post-incident reviews that emergency bypasses owe, and stores
   * the record with its comment marks and review keys, so that a re-run adds no duplicate.
   *
   * @return whether every ticket write succeeded; the failures are printed to {@code log}
   * @throws AbortException when no system has that name, it is configured wrongly or its credential
   *     is missing
   * @throws IOException when the record or the outbox cannot be read or written
   */
  boolean writeTriage(Run<?, ?> run, String name, PrintStream log) throws IOException {
    TicketSync sync = open(run, name);
    TriageTicketsResult result =
        TriageTickets.write(sync, BuildRecords.read(run), BuildRecords.RECORD_FILE);
    for (Message message : result.messages()) {
      log.println(Messages.Console_Prefix(message.text()));
    }
    BuildRecords.write(run, RecordStore.toBytes(result.record()));
    log.println(Messages.Console_Prefix(result.summary(sync.systemName())));
    return !result.failed();
  }

  /** Resolves the system {@code name} and its credential for the build's record. */
  private TicketSync open(Run<?, ?> run, String name) throws IOException {
    return open(run, find(name.trim()));
  }

  /**
   * Closes the open ticket of each unit in {@code bundles}, with its evidence bundle attached and a
   * comment that states the verification method, and stores the updated record with the build.
   * Units without a ticket, or whose ticket is closed already, are skipped.
   *
   * @param bundles the zip file of each verified unit's evidence bundle, by unit id
   * @return the keys of the tickets closed
   * @throws AbortException when no system has that name, it is configured wrongly or its credential
   *     is missing
   */
  List<String> close(Run<?, ?> run, String name, Map<String, Path> bundles, PrintStream log)
      throws IOException {
    TicketSync sync = open(run, name);
    PatchRecord record = BuildRecords.read(run);
    List<String> closed = new ArrayList<>();
    for (Map.Entry<String, Path> bundle : bundles.entrySet()) {
      Optional<TicketLink> link = TicketLinks.of(record).unit(bundle.getKey());
      if (link.isEmpty() || "closed".equals(link.get().status())) {
        continue;
      }
      record =
          sync.close(
              record,
              bundle.getKey(),
              VerifySection.closingComment(record, bundle.getKey()),
              Optional.of(bundle.getValue()));
      BuildRecords.write(run, RecordStore.toBytes(record));
      closed.add(link.get().key());
      log.println(
          Messages.Console_Prefix("closed " + link.get().key() + " for " + bundle.getKey()));
    }
    return closed;
  }

  /**
   * Returns the writer of the system {@code name} for the build's record, for comments that the
   * caller sends itself, such as the rollout's wave comments.
   *
   * @throws AbortException when no system has that name, it is configured wrongly or its credential
   *     is missing
   */
  TicketSync writer(Run<?, ?> run, String name) throws AbortException {
    return open(run, find(name.trim()));
  }

  /**
   * Returns a client for the change requests of the ServiceNow system {@code name}.
   *
   * @throws AbortException when no system has that name, it is not a ServiceNow system, it is
   *     configured wrongly or its credential is missing
   */
  ChangeRequestClient changeRequests(Run<?, ?> run, String name) throws AbortException {
    ConfiguredTicketSystem system = find(name.trim());
    Resolved resolved = resolve(run, system);
    try {
      return ChangeRequestClient.of(resolved.config(), resolved.secret());
    } catch (IllegalArgumentException e) {
      throw new AbortException(Messages.Tickets_Invalid(system.getName(), e.getMessage()));
    }
  }

  private TicketSync open(Run<?, ?> run, ConfiguredTicketSystem system) throws AbortException {
    Resolved resolved = resolve(run, system);
    return TicketSync.of(
        TicketSyncOptions.forRecord(
            resolved.config(), resolved.secret(), BuildRecords.file(run), false));
  }

  /** A system's configuration with Jenkins' proxy settings, and its secret. */
  private record Resolved(TicketSystemConfig config, Credentials secret) {}

  private Resolved resolve(Run<?, ?> run, ConfiguredTicketSystem system) throws AbortException {
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
    return new Resolved(config, secret);
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
