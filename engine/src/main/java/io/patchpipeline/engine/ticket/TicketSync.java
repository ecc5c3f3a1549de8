package io.patchpipeline.engine.ticket;

import io.patchpipeline.engine.core.Hashing;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RemediationUnit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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

  /** Returns the configured name of the ticket system, such as {@code jira-sec}. */
  public String systemName() {
    return client.name();
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
    SyncRun run = new SyncRun(this, client, options, record);
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
   * Adds {@code text} as a comment to the ticket of {@code unitId}, unless the record marks the
   * same text as already written to that ticket, and marks it in the record's {@link CommentMarks}.
   * Writing the returned record back makes a re-run add no second comment.
   *
   * @return the record with the comment marked; {@code record} itself in a dry run or when the
   *     comment was already marked
   * @throws TicketException when the unit has no ticket in the record or the system rejects it
   */
  public PatchRecord commentOnce(PatchRecord record, String unitId, String text)
      throws IOException {
    if (commented(record, unitId, text) || options.dryRun()) {
      return record;
    }
    comment(record, unitId, text);
    return CommentMarks.of(record)
        .withMark(record, unitId, idempotencyKey(unitId, Outbox.Operation.COMMENT, text));
  }

  /** Returns whether the record marks {@code text} as written to the ticket of {@code unitId}. */
  public boolean commented(PatchRecord record, String unitId, String text) {
    return CommentMarks.of(record)
        .contains(unitId, idempotencyKey(unitId, Outbox.Operation.COMMENT, text));
  }

  /**
   * Opens the post-incident review ticket of {@code unitId} after an emergency bypass of the
   * canary, or returns the one an earlier run opened: a search by the review's dedup key comes
   * first, and a create whose response was lost is searched for before it is reported failed.
   *
   * @return the review ticket; empty in a dry run
   * @throws TicketException when the unit is not in the record or the system rejects the request
   */
  public Optional<ReviewTicket> openReview(
      PatchRecord record, String unitId, String approver, String reason, java.time.Instant at)
      throws IOException {
    RemediationUnit unit =
        record
            .unit(unitId)
            .orElseThrow(
                () ->
                    new TicketException(
                        "Unit "
                            + unitId
                            + " not found in the record, so its post-incident review was not"
                            + " opened; check the unit id"));
    ReviewDraft draft =
        ReviewDraft.of(
            TicketDraft.of(record, unit),
            unit.key(),
            TicketLinks.of(record).unit(unitId),
            approver,
            reason,
            at);
    RemoteTicket existing = client.find(List.of(draft.dedupKey())).get(draft.dedupKey());
    if (existing != null) {
      return Optional.of(new ReviewTicket(existing.key(), existing.url(), false));
    }
    if (options.dryRun()) {
      return Optional.empty();
    }
    return Optional.of(createReview(draft));
  }

  private ReviewTicket createReview(ReviewDraft draft) throws IOException {
    Optional<Outbox> outbox = loadOutbox();
    Outbox.Operation operation = Outbox.Operation.CREATE_REVIEW;
    String key = idempotencyKey(draft.unitId(), operation, draft.dedupKey());
    outbox.ifPresent(o -> o.add(entry(draft.unitId(), draft.dedupKey(), operation, key)));
    saveOutbox(outbox);
    RemoteTicket ticket;
    try {
      ticket = client.createReview(draft);
    } catch (TicketException e) {
      if (!e.outcomeUnknown()) {
        outbox.ifPresent(o -> o.remove(key));
        saveOutbox(outbox);
        throw e;
      }
      pause(options.system().http().initialBackoff());
      ticket = client.find(List.of(draft.dedupKey())).get(draft.dedupKey());
      if (ticket == null) {
        throw e;
      }
    }
    String ticketKey = ticket.key();
    outbox.ifPresent(o -> o.markDone(key, ticketKey));
    saveOutbox(outbox);
    return new ReviewTicket(ticket.key(), ticket.url(), true);
  }

  /**
   * Attaches {@code evidence} when given, then resolves or closes the ticket of {@code unitId}. The
   * evidence is not attached again when an earlier attempt attached it and then failed to close,
   * which the outbox shows by a done attachment beside the pending close.
   *
   * @return the record with the ticket's status set to {@code closed}
   */
  public PatchRecord close(PatchRecord record, String unitId, String text, Optional<Path> evidence)
      throws IOException {
    TicketLink link = link(record, unitId);
    if (options.dryRun()) {
      return record;
    }
    // Both writes are journaled before either is sent, so that a done attachment stays in the
    // outbox beside a close that failed, and a retry does not attach the evidence again.
    Optional<Outbox> outbox = loadOutbox();
    boolean attach = evidence.isPresent() && !attached(outbox, unitId);
    String attachKey =
        idempotencyKey(unitId, Outbox.Operation.ATTACH, evidence.map(Path::toString).orElse(""));
    String closeKey = idempotencyKey(unitId, Outbox.Operation.CLOSE, text);
    if (outbox.isPresent()) {
      if (attach) {
        outbox.get().add(entry(unitId, link.dedupKey(), Outbox.Operation.ATTACH, attachKey));
      }
      outbox.get().add(entry(unitId, link.dedupKey(), Outbox.Operation.CLOSE, closeKey));
    }
    saveOutbox(outbox);
    if (attach) {
      client.attach(link.toRemote(), evidence.get());
      outbox.ifPresent(o -> o.markDone(attachKey, link.key()));
      saveOutbox(outbox);
    }
    client.close(link.toRemote(), text);
    outbox.ifPresent(o -> o.markDone(closeKey, link.key()));
    saveOutbox(outbox);
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

  private static boolean attached(Optional<Outbox> outbox, String unitId) {
    return outbox.isPresent()
        && outbox.get().entries().stream()
            .anyMatch(
                e ->
                    e.unitId().equals(unitId)
                        && e.operation() == Outbox.Operation.ATTACH
                        && e.state() == Outbox.State.DONE);
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

  static void pause(java.time.Duration duration) throws TicketException {
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
}
