package io.patchpipeline.engine.ticket;

import io.patchpipeline.engine.http.Credentials;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a ticket sync needs, in one place for the CLI, detect and the Jenkins step.
 *
 * @param system the ticket system to write to
 * @param credentials its secret; {@link Credentials#none()} for the file store
 * @param outbox the outbox file, normally {@link Outbox#besideRecord}; absent: writes are not
 *     journaled, so a crash between deciding and writing is recovered only by the next search
 * @param dryRun search, then report what would be created, updated and commented without writing
 */
public record TicketSyncOptions(
    TicketSystemConfig system,
    Credentials credentials,
    Optional<Path> outbox,
    boolean dryRun,
    Clock clock) {

  public TicketSyncOptions {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(outbox, "outbox");
    Objects.requireNonNull(clock, "clock");
  }

  /** Returns options that journal writes beside {@code recordFile}. */
  public static TicketSyncOptions forRecord(
      TicketSystemConfig system, Credentials credentials, Path recordFile, boolean dryRun) {
    return new TicketSyncOptions(
        system,
        credentials,
        Optional.of(Outbox.besideRecord(recordFile)),
        dryRun,
        Clock.systemUTC());
  }
}
