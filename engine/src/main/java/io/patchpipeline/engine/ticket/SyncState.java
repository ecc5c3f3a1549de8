package io.patchpipeline.engine.ticket;

import io.patchpipeline.engine.policy.Priority;
import java.time.LocalDate;
import java.util.List;

/**
 * The content Patch Pipeline last wrote into a ticket, stored in the ticket itself (a Jira issue
 * property, a marked line of a ServiceNow description, a field of the file store), so that a run
 * with a new record can compare the ticket with its draft.
 *
 * @param priority the priority the ticket has; never lowered by a sync
 * @param computedPriority the priority the last scan computed, which may be lower
 * @param dueDate the due date the ticket has
 * @param hash {@link TicketDraft#materialHash()} of the draft last written
 */
public record SyncState(
    Priority priority,
    Priority computedPriority,
    LocalDate dueDate,
    List<String> cves,
    List<String> assets,
    String hash) {

  public static final String PROPERTY = "patchpipeline";

  public SyncState {
    cves = List.copyOf(cves);
    assets = List.copyOf(assets);
  }
}
