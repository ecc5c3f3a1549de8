package io.patchpipeline.cli;

import io.patchpipeline.engine.core.Message;
import io.patchpipeline.engine.http.Credentials;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RecordStore;
import io.patchpipeline.engine.ticket.TicketConfigFile;
import io.patchpipeline.engine.ticket.TicketSync;
import io.patchpipeline.engine.ticket.TicketSyncOptions;
import io.patchpipeline.engine.ticket.TicketSyncResult;
import io.patchpipeline.engine.ticket.TicketSystemConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tickets sync}: opens or updates one ticket per remediation unit that needs one. */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description = {
      "Open a ticket for every remediation unit of the record that needs one, update tickets"
          + " whose CVEs, assets or priority changed, and store the ticket keys in the record.",
      "Secrets come from the environment variable or file that the ticket configuration names."
    })
final class TicketsSyncCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--record", required = true, description = "The record written by detect.")
  Path record;

  @Option(
      names = "--tickets",
      description =
          "Ticket systems YAML (see docs/tickets.md). Default: the file store in the folder"
              + " 'tickets' beside the record.")
  Path tickets;

  @Option(
      names = "--system",
      description = "The name of the ticket system in --tickets. Default: its 'default' key.")
  String system;

  @Option(
      names = "--dry-run",
      description = "Print what would be created, updated and commented; change nothing.")
  boolean dryRun;

  /** Looks up environment variables; tests replace it. */
  Function<String, String> environment = System::getenv;

  @picocli.CommandLine.Mixin LedgerMixin ledgerOption = new LedgerMixin();

  @Override
  public Integer call() throws Exception {
    PatchRecord loaded = RecordStore.read(record);
    TicketSystemConfig config;
    Credentials credentials;
    if (tickets == null) {
      config = TicketSystemConfig.fileStore(record.toAbsolutePath().resolveSibling("tickets"));
      credentials = Credentials.none();
    } else {
      TicketConfigFile file = TicketConfigFile.read(tickets);
      config = file.system(Optional.ofNullable(system), tickets.toString());
      credentials = file.secret(config.name()).resolve(environment);
    }
    TicketSyncResult result =
        TicketSync.of(TicketSyncOptions.forRecord(config, credentials, record, dryRun))
            .sync(loaded);
    return print(result, config.name());
  }

  private int print(TicketSyncResult result, String name) throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (Message message : result.messages()) {
      err.println("patch-pipeline: " + message);
    }
    result.planned().forEach(out::println);
    if (dryRun) {
      out.println("Dry run: " + result.planned().size() + " writes planned, nothing changed.");
    } else {
      RecordStore.write(record, result.record());
      ledgerOption.append(result.record(), record.toString(), err);
      result.keysByUnit().forEach((unit, key) -> out.println(unit + " " + key));
    }
    out.println(result.summary(name));
    return result.failed() > 0 ? ExitCodes.INPUT_ERROR : ExitCodes.OK;
  }
}
