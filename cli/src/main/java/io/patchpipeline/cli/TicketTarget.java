package io.patchpipeline.cli;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.http.Credentials;
import io.patchpipeline.engine.record.RecordStore;
import io.patchpipeline.engine.ticket.TicketConfigFile;
import io.patchpipeline.engine.ticket.TicketLink;
import io.patchpipeline.engine.ticket.TicketLinks;
import io.patchpipeline.engine.ticket.TicketSync;
import io.patchpipeline.engine.ticket.TicketSyncOptions;
import io.patchpipeline.engine.ticket.TicketSystemConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ticket system a command writes to: the one named in a ticket systems YAML, or by default the
 * file store in the folder {@code tickets} beside the record, as {@code tickets sync} uses.
 */
final class TicketTarget {
  private TicketTarget() {}

  static TicketSync open(
      Path record, Path tickets, String system, Function<String, String> environment)
      throws IOException {
    TicketSystemConfig config;
    Credentials credentials;
    if (tickets == null) {
      config = TicketSystemConfig.fileStore(record.toAbsolutePath().resolveSibling("tickets"));
      credentials = Credentials.none();
      requireFileStoreTickets(record, config.name());
    } else {
      TicketConfigFile file = TicketConfigFile.read(tickets);
      config = file.system(Optional.ofNullable(system), tickets.toString());
      credentials = file.secret(config.name()).resolve(environment);
    }
    return TicketSync.of(TicketSyncOptions.forRecord(config, credentials, record, false));
  }

  /** Rejects a record whose tickets were opened in another system than the file store. */
  private static void requireFileStoreTickets(Path record, String fileStore) throws IOException {
    Optional<String> other =
        TicketLinks.of(RecordStore.read(record)).units().values().stream()
            .map(TicketLink::system)
            .filter(system -> !system.equals(fileStore))
            .findFirst();
    if (other.isPresent()) {
      throw new InputException(
          "--tickets",
          "",
          "the tickets of this record are in the ticket system '"
              + other.get()
              + "', not in the file store beside the record; pass --tickets with the ticket"
              + " systems YAML");
    }
  }

  /**
   * Returns the secret of the ticket system named in {@code tickets}, in every form it could take
   * in a file, so that evidence bundles can be searched for it.
   */
  static List<String> secrets(Path tickets, String system, Function<String, String> environment)
      throws IOException {
    TicketConfigFile file = TicketConfigFile.read(tickets);
    TicketSystemConfig config = file.system(Optional.ofNullable(system), tickets.toString());
    return file.secret(config.name()).resolve(environment).secretForms();
  }
}
