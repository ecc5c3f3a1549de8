package io.patchpipeline.engine.ticket;

import io.patchpipeline.engine.core.Hashing;
import io.patchpipeline.engine.core.Messages;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RemediationUnit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opens and updates the tickets of a record's units in one ticket system, never twice for one unit.
 * For each page of dedup keys it sends one search. Then it creates the tickets not found, updates
 * those whose content changed (with a comment that lists the changes) and leaves the rest alone.
 * Every write is first journaled in the {@link Outbox}. A create whose response was lost is
 * reconciled by searching for its dedup key before it is sent again.
 *
 * <p>Later stages use {@link #comment} and {@link #close} on the same tickets.
 */
public final class TicketSync {
  /** Creates sent per unit when each response is lost and the search finds nothing. */
  static final int CREATE_ATTEMPTS = 3;

  /** Searches for the ticket of a create whose response was lost, before it is sent again. */
  static final int RECONCILE_SEARCHES = 2;

  /** Confirmed writes between two saves of the outbox. */
  static final int DONE_SAVE_INTERVAL = 50;

  private final TicketClient client;
  private final TicketSyncOptions options;

  public TicketSync(TicketClient client, TicketSyncOptions options) {
    this.client = client;
    this.options = options;
  }

  /** Creates the client that {@code options} configures. */
  public static TicketSync of(TicketSyncOptions options) {
    return new TicketSync(
        TicketClients.create(options.system(), options.credentials(), options.clock()), options);
  }

  /**
   * Checks the connection of the configured system with read requests; see {@link TicketClient}.
   */
  public String checkConnection() throws IOException {
    return client.checkConnection();
  }

  /**
   * Syncs the tickets of every unit of {@code record} that needs one.
   *
   * @return the record with its tickets section, and what was done; the caller writes the record
   * @throws IOException when the outbox cannot be read or written
   */
  public TicketSyncResult sync(PatchRecord record) throws IOException {
    Run run = new Run(record);
    List<TicketDraft> drafts = drafts(record);
    Map<String, RemoteTicket> found = run.search(drafts);
    List<Planned> plan = run.plan(drafts, found);
    if (options.dryRun()) {
      return run.dryRunResult(plan);
    }
    run.journal(plan);
    for (Planned planned : plan) {
      run.execute(planned);
    }
    run.saveOutbox();
    return run.result();
  }

  /**
   * Adds a comment to the ticket of {@code unitId}, such as a triage decision.
   *
   * @throws TicketException when the unit has no ticket in the record or the system rejects it
   */
  public void comment(PatchRecord record, String unitId, String text) throws IOException {
    TicketLink link = link(record, unitId);
    if (options.dryRun()) {
      return;
    }
    writeJournaled(
        unitId, link, Outbox.Operation.COMMENT, text, () -> client.comment(link.toRemote(), text));
  }

  /**
   * Attaches {@code evidence} when given, then resolves or closes the ticket of {@code unitId}.
   *
   * @return the record with the ticket's status set to {@code closed}
   */
  public PatchRecord close(PatchRecord record, String unitId, String text, Optional<Path> evidence)
      throws IOException {
    TicketLink link = link(record, unitId);
    if (options.dryRun()) {
      return record;
    }
    if (evidence.isPresent()) {
      writeJournaled(
          unitId,
          link,
          Outbox.Operation.ATTACH,
          evidence.get().toString(),
          () -> client.attach(link.toRemote(), evidence.get()));
    }
    writeJournaled(
        unitId, link, Outbox.Operation.CLOSE, text, () -> client.close(link.toRemote(), text));
    TicketLink closed =
        new TicketLink(
            link.system(),
            link.key(),
            link.id(),
            link.url(),
            link.dedupKey(),
            "closed",
            link.priority(),
            link.hash(),
            options.clock().instant());
    return TicketLinks.of(record).with(unitId, closed).writeTo(record);
  }

  private TicketLink link(PatchRecord record, String unitId) throws TicketException {
    return TicketLinks.of(record)
        .unit(unitId)
        .orElseThrow(
            () ->
                new TicketException(
                    "Unit " + unitId + " has no ticket in the record; run tickets sync first"));
  }

  private void writeJournaled(
      String unitId, TicketLink link, Outbox.Operation operation, String content, Write write)
      throws IOException {
    Optional<Outbox> outbox = loadOutbox();
    String key = idempotencyKey(unitId, operation, content);
    outbox.ifPresent(o -> o.add(entry(unitId, link.dedupKey(), operation, key)));
    saveOutbox(outbox);
    write.run();
    outbox.ifPresent(o -> o.markDone(key, link.key()));
    saveOutbox(outbox);
  }

  private static List<TicketDraft> drafts(PatchRecord record) {
    List<TicketDraft> drafts = new ArrayList<>();
    for (RemediationUnit unit : record.units()) {
      if (unit.needsTicket()) {
        drafts.add(TicketDraft.of(record, unit));
      }
    }
    return drafts;
  }

  Optional<Outbox> loadOutbox() throws IOException {
    if (options.outbox().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Outbox.load(options.outbox().get(), client.name()));
  }

  static void saveOutbox(Optional<Outbox> outbox) throws IOException {
    if (outbox.isPresent()) {
      outbox.get().save();
    }
  }

  Outbox.Entry entry(String unitId, String dedupKey, Outbox.Operation operation, String key) {
    return new Outbox.Entry(
        unitId,
        dedupKey,
        operation,
        key,
        Outbox.State.PENDING,
        Optional.empty(),
        options.clock().instant());
  }

  String idempotencyKey(String unitId, Outbox.Operation operation, String content) {
    return Hashing.sha256(client.name() + "|" + unitId + "|" + operation + "|" + content)
        .substring(0, 32);
  }

  private static void pause(java.time.Duration duration) throws TicketException {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TicketException("Interrupted while waiting to search for a created ticket");
    }
  }

  /** One write a run sends. */
  @FunctionalInterface
  interface Write {
    void run() throws IOException;
  }

  /** A decided write: a create when {@code ticket} is absent, otherwise an update. */
  record Planned(TicketDraft draft, Optional<RemoteTicket> ticket, TicketChange change) {}

  /** The state of one {@link #sync} call. */
  private final class Run {
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

    Run(PatchRecord record) {
      this.record = record;
    }

    Map<String, RemoteTicket> search(List<TicketDraft> drafts) throws IOException {
      outbox = loadOutbox();
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
        return what
            + "; check that ticket "
            + entry.ticketKey().orElse(entry.dedupKey())
            + " has it";
      }
      if (!inRecord) {
        return what + ", which this record does not contain; dropped it";
      }
      RemoteTicket ticket = found.get(entry.dedupKey());
      return ticket == null
          ? what + "; the search found no ticket, so this run creates it"
          : what
              + "; the search found ticket "
              + ticket.key()
              + ", so this run updates it if needed";
    }

    List<Planned> plan(List<TicketDraft> drafts, Map<String, RemoteTicket> found) {
      List<Planned> plan = new ArrayList<>();
      for (TicketDraft draft : drafts) {
        if (failedUnits.contains(draft.unitId())) {
          continue;
        }
        RemoteTicket ticket = found.get(draft.dedupKey());
        if (ticket == null) {
          plan.add(
              new Planned(draft, Optional.empty(), TicketChange.between(Optional.empty(), draft)));
          continue;
        }
        TicketChange change = TicketChange.between(ticket.state(), draft);
        if (change.unchanged()) {
          unchanged++;
          links.put(draft.unitId(), link(ticket, draft, change.after()));
        } else {
          plan.add(new Planned(draft, Optional.of(ticket), change));
        }
      }
      return plan;
    }

    TicketSyncResult dryRunResult(List<Planned> plan) {
      List<String> lines = new ArrayList<>();
      for (Planned planned : plan) {
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

    void journal(List<Planned> plan) throws IOException {
      if (outbox.isEmpty()) {
        return;
      }
      for (Planned planned : plan) {
        TicketDraft draft = planned.draft();
        Outbox.Operation operation =
            planned.ticket().isEmpty() ? Outbox.Operation.CREATE : Outbox.Operation.UPDATE;
        outbox.get().add(entry(draft.unitId(), draft.dedupKey(), operation, key(planned)));
      }
      outbox.get().save();
    }

    void execute(Planned planned) throws IOException {
      TicketDraft draft = planned.draft();
      try {
        RemoteTicket ticket;
        if (planned.ticket().isEmpty()) {
          ticket = createReconciled(draft);
        } else {
          ticket = planned.ticket().get();
          client.update(ticket, draft, planned.change());
          writes++;
          updated++;
        }
        links.put(draft.unitId(), link(ticket, draft, planned.change().after()));
        if (outbox.isPresent()) {
          outbox.get().markDone(key(planned), ticket.key());
          saveEvery(DONE_SAVE_INTERVAL);
        }
      } catch (TicketException e) {
        failedUnits.add(draft.unitId());
        messages.error("Unit " + draft.unitId() + ": " + e.getMessage());
      }
    }

    private RemoteTicket createReconciled(TicketDraft draft) throws IOException {
      TicketException last = null;
      for (int attempt = 1; attempt <= CREATE_ATTEMPTS; attempt++) {
        try {
          RemoteTicket ticket = client.create(draft);
          writes++;
          created++;
          return ticket;
        } catch (TicketException e) {
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
      for (int search = 1; search <= RECONCILE_SEARCHES; search++) {
        searches++;
        RemoteTicket found = client.find(List.of(draft.dedupKey())).get(draft.dedupKey());
        if (found != null) {
          return Optional.of(found);
        }
        if (search < RECONCILE_SEARCHES) {
          pause(options.system().http().initialBackoff());
        }
      }
      return Optional.empty();
    }

    private String key(Planned planned) {
      Outbox.Operation operation =
          planned.ticket().isEmpty() ? Outbox.Operation.CREATE : Outbox.Operation.UPDATE;
      return idempotencyKey(planned.draft().unitId(), operation, planned.draft().materialHash());
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
     * Saves the outbox after every {@code interval} confirmed writes. Recovery does not depend on
     * the done marks, because the next run searches by dedup key before it writes, so they are
     * saved in batches to spare one file sync per ticket.
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
}
