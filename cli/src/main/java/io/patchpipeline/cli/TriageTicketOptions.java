package io.patchpipeline.cli;

import io.patchpipeline.engine.core.Message;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RecordStore;
import io.patchpipeline.engine.ticket.TicketSync;
import io.patchpipeline.engine.triage.TriageTickets;
import io.patchpipeline.engine.triage.TriageTicketsResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The ticket options that {@code triage} and {@code triage approve} share: whether to comment the
 * triage on the units' tickets, and which ticket system to write to.
 */
final class TriageTicketOptions {
  @Option(
      names = "--comment-tickets",
      description =
          "Comment each decision and approval on its unit's ticket, and open a post-incident"
              + " review ticket for each emergency bypass of the canary. Uses --tickets, or the"
              + " file store in the folder 'tickets' beside the record. A re-run adds no"
              + " duplicate comment and no second review.")
  boolean commentTickets;

  @Option(
      names = "--tickets",
      paramLabel = "FILE",
      description = "Ticket systems YAML (docs/tickets.md) for --comment-tickets.")
  Path tickets;

  @Option(
      names = "--system",
      paramLabel = "NAME",
      description = "The ticket system in --tickets. Default: its 'default' key.")
  String system;

  /**
   * Writes the triage of the record file {@code written} to its tickets and stores the comment
   * marks and review keys back into that file.
   *
   * @return {@link ExitCodes#OK}, or {@link ExitCodes#INPUT_ERROR} when a ticket write failed
   */
  int write(Path written, PrintWriter out, PrintWriter err) throws IOException {
    PatchRecord saved = RecordStore.read(written);
    TicketSync sync = TicketTarget.open(written, tickets, system, System::getenv);
    TriageTicketsResult result = TriageTickets.write(sync, saved, written.toString());
    RecordStore.write(written, result.record());
    for (Message message : result.messages()) {
      err.println(message);
    }
    out.println(result.summary(sync.systemName()));
    return result.failed() ? ExitCodes.INPUT_ERROR : ExitCodes.OK;
  }
}
