package io.patchpipeline.engine.ticket;

import io.patchpipeline.engine.core.Messages;
import io.patchpipeline.engine.record.PatchRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The state of one {@link TicketSync#sync} call: search, plan, journal, write, and count. */
final class SyncRun {
  private final TicketSync sync;
  private final TicketClient client;
  private final TicketSyncOptions options;
  private final PatchRecord record;
  private final Messages messages = new Messages();
  private final Map<String, TicketLink> links = new LinkedHashMap<>();
  private final java.util.Set<String> failedUnits = new java.util.HashSet<>();
  private Optional<Outbox> outbox = Optional.empty();
  private int created;
  private int updated;
  private int unchanged;
  private int searches;
  private int writes;
  private int confirmed;

  SyncRun(TicketSync sync, TicketClient client, TicketSyncOptions options, PatchRecord record) {
    this.sync = sync;
    this.client = client;
    this.options = options;
    this.record = record;
  }

  Map<String, RemoteTicket> search(List<TicketDraft> drafts) throws IOException {
    outbox = sync.loadOutbox();
    Map<String, RemoteTicket> found = new LinkedHashMap<>();
    int size = client.searchBatchSize();
    for (int from = 0; from < drafts.size(); from += size) {
      List<TicketDraft> batch = drafts.subList(from, Math.min(drafts.size(), from + size));
      try {
        searches++;
        found.putAll(client.find(batch.stream().map(TicketDraft::dedupKey).toList()));
      } catch (TicketException e) {
        messages.error(e.getMessage() + "; skipped " + batch.size() + " units, none created");
        batch.forEach(d -> failedUnits.add(d.unitId()));
      }
    }
    reportRecovered(drafts, found);
    return found;
  }

  private void reportRecovered(List<TicketDraft> drafts, Map<String, RemoteTicket> found) {
    if (outbox.isEmpty()) {
      return;
    }
    java.util.Set<String> units = new java.util.HashSet<>();
    drafts.forEach(d -> units.add(d.unitId()));
    for (Outbox.Entry entry : outbox.get().pending()) {
      if (failedUnits.contains(entry.unitId())) {
        continue;
      }
      messages.warning(recoveryMessage(entry, units.contains(entry.unitId()), found));
      outbox.get().settle(entry.unitId());
    }
  }

  private String recoveryMessage(
      Outbox.Entry entry, boolean inRecord, Map<String, RemoteTicket> found) {
    String what =
        "An earlier run left an unconfirmed " + entry.operation() + " of unit " + entry.unitId();
    if (entry.operation() != Outbox.Operation.CREATE
        && entry.operation() != Outbox.Operation.UPDATE) {
      return what + "; check that ticket " + entry.ticketKey().orElse(entry.dedupKey()) + " has it";
    }
    if (!inRecord) {
      return what + ", which this record does not contain; dropped it";
    }
    RemoteTicket ticket = found.get(entry.dedupKey());
    return ticket == null
        ? what + "; the search found no ticket, so this run creates it"
        : what + "; the search found ticket " + ticket.key() + ", so this run updates it if needed";
  }

  List<TicketSync.Planned> plan(List<TicketDraft> drafts, Map<String, RemoteTicket> found) {
    List<TicketSync.Planned> plan = new ArrayList<>();
    for (TicketDraft draft : drafts) {
      if (failedUnits.contains(draft.unitId())) {
        continue;
      }
      RemoteTicket ticket = found.get(draft.dedupKey());
      if (ticket == null) {
        plan.add(
            new TicketSync.Planned(
                draft, Optional.empty(), TicketChange.between(Optional.empty(), draft)));
        continue;
      }
      TicketChange change = TicketChange.between(ticket.state(), draft);
      if (change.unchanged()) {
        unchanged++;
        links.put(draft.unitId(), link(ticket, draft, change.after()));
      } else {
        plan.add(new TicketSync.Planned(draft, Optional.of(ticket), change));
      }
    }
    return plan;
  }

  TicketSyncResult dryRunResult(List<TicketSync.Planned> plan) {
    List<String> lines = new ArrayList<>();
    for (TicketSync.Planned planned : plan) {
      TicketDraft draft = planned.draft();
      if (planned.ticket().isEmpty()) {
        lines.add(
            "would create: "
                + draft.summary()
                + " [unit "
                + draft.unitId()
                + ", "
                + draft.dedupKey()
                + "]");
      } else {
        lines.add(
            "would update "
                + planned.ticket().get().key()
                + " [unit "
                + draft.unitId()
                + "] and comment: "
                + planned.change().comment().replace("\n", " "));
      }
    }
    return new TicketSyncResult(
        record, 0, 0, unchanged, failedUnits.size(), searches, 0, lines, messages.list());
  }

  void journal(List<TicketSync.Planned> plan) throws IOException {
    if (outbox.isEmpty()) {
      return;
    }
    for (TicketSync.Planned planned : plan) {
      TicketDraft draft = planned.draft();
      Outbox.Operation operation =
          planned.ticket().isEmpty() ? Outbox.Operation.CREATE : Outbox.Operation.UPDATE;
      outbox.get().add(sync.entry(draft.unitId(), draft.dedupKey(), operation, key(planned)));
    }
    outbox.get().save();
  }

  void execute(TicketSync.Planned planned) throws IOException {
    TicketDraft draft = planned.draft();
    try {
      RemoteTicket ticket;
      if (planned.ticket().isEmpty()) {
        ticket = createReconciled(draft);
      } else {
        ticket = planned.ticket().get();
        update(ticket, draft, planned.change());
        updated++;
      }
      links.put(draft.unitId(), link(ticket, draft, planned.change().after()));
      if (outbox.isPresent()) {
        outbox.get().markDone(key(planned), ticket.key());
        saveEvery(TicketSync.DONE_SAVE_INTERVAL);
      }
    } catch (TicketException e) {
      failedUnits.add(draft.unitId());
      messages.error("Unit " + draft.unitId() + ": " + e.getMessage());
    }
  }

  /** Updates a ticket and counts the write when the request reached the system. */
  private void update(RemoteTicket ticket, TicketDraft draft, TicketChange change)
      throws IOException {
    try {
      client.update(ticket, draft, change);
      writes++;
    } catch (TicketException e) {
      countSent(e);
      throw e;
    }
  }

  private void countSent(TicketException e) {
    if (e.requestSent()) {
      writes++;
    }
  }

  private RemoteTicket createReconciled(TicketDraft draft) throws IOException {
    TicketException last = null;
    for (int attempt = 1; attempt <= TicketSync.CREATE_ATTEMPTS; attempt++) {
      try {
        RemoteTicket ticket = client.create(draft);
        writes++;
        created++;
        return ticket;
      } catch (TicketException e) {
        countSent(e);
        if (!e.outcomeUnknown()) {
          throw e;
        }
        last = e;
        Optional<RemoteTicket> existing = reconcile(draft);
        if (existing.isPresent()) {
          messages.info(
              "The response to creating the ticket of unit "
                  + draft.unitId()
                  + " was lost; the search found it as "
                  + existing.get().key());
          created++;
          return existing.get();
        }
      }
    }
    throw last;
  }

  /**
   * Searches for the ticket of a create whose response was lost, twice with a backoff between,
   * because a search index (Jira's) may show a new ticket only after a moment.
   */
  private Optional<RemoteTicket> reconcile(TicketDraft draft) throws IOException {
    for (int search = 1; search <= TicketSync.RECONCILE_SEARCHES; search++) {
      searches++;
      RemoteTicket found = client.find(List.of(draft.dedupKey())).get(draft.dedupKey());
      if (found != null) {
        return Optional.of(found);
      }
      if (search < TicketSync.RECONCILE_SEARCHES) {
        TicketSync.pause(options.system().http().initialBackoff());
      }
    }
    return Optional.empty();
  }

  private String key(TicketSync.Planned planned) {
    Outbox.Operation operation =
        planned.ticket().isEmpty() ? Outbox.Operation.CREATE : Outbox.Operation.UPDATE;
    return sync.idempotencyKey(planned.draft().unitId(), operation, planned.draft().materialHash());
  }

  private TicketLink link(RemoteTicket ticket, TicketDraft draft, SyncState state) {
    return new TicketLink(
        client.name(),
        ticket.key(),
        ticket.id(),
        ticket.url(),
        draft.dedupKey(),
        ticket.status(),
        state.priority(),
        state.hash(),
        options.clock().instant());
  }

  /**
   * Saves the outbox after every {@code interval} confirmed writes. Recovery does not depend on the
   * done marks, because the next run searches by dedup key before it writes, so they are saved in
   * batches to spare one file sync per ticket.
   */
  private void saveEvery(int interval) throws IOException {
    if (++confirmed % interval == 0) {
      outbox.get().save();
    }
  }

  void saveOutbox() throws IOException {
    TicketSync.saveOutbox(outbox);
  }

  TicketSyncResult result() {
    TicketLinks merged = TicketLinks.of(record);
    for (Map.Entry<String, TicketLink> link : links.entrySet()) {
      merged = merged.with(link.getKey(), link.getValue());
    }
    return new TicketSyncResult(
        merged.writeTo(record),
        created,
        updated,
        unchanged,
        failedUnits.size(),
        searches,
        writes,
        List.of(),
        messages.list());
  }
}
