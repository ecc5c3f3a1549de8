package io.patchpipeline.engine.ticket;

import io.patchpipeline.engine.core.Message;
import io.patchpipeline.engine.record.PatchRecord;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a ticket sync: counts, messages and the updated record.
 *
 * @param record the record with its {@value TicketLinks#STAGE} section; unchanged by a dry run
 * @param planned in a dry run, one line per write that would be sent; otherwise empty
 * @param searches the number of search requests sent
 * @param writes the number of write requests that reached the system, failed ones included
 */
public record TicketSyncResult(
    PatchRecord record,
    int created,
    int updated,
    int unchanged,
    int failed,
    int searches,
    int writes,
    List<String> planned,
    List<Message> messages) {

  public TicketSyncResult {
    planned = List.copyOf(planned);
    messages = List.copyOf(messages);
  }

  /** Returns the ticket key of each unit that has a ticket. */
  public Map<String, String> keysByUnit() {
    return TicketLinks.of(record).keysByUnit();
  }

  /** Returns a one-line summary such as {@code Tickets in jira-sec: 3 created, 1 updated}. */
  public String summary(String system) {
    return "Tickets in "
        + system
        + ": "
        + created
        + " created, "
        + updated
        + " updated, "
        + unchanged
        + " unchanged, "
        + failed
        + " failed ("
        + searches
        + " searches, "
        + writes
        + " writes)";
  }
}
