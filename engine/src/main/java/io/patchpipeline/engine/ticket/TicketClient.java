package io.patchpipeline.engine.ticket;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/**
 * One ticket system: Jira Cloud, Jira Data Center, ServiceNow or the file store. Implementations
 * send each operation as one request where the API allows it, so that a sync of N units costs one
 * search per {@link #searchBatchSize()} keys plus one write per new or changed ticket.
 */
public interface TicketClient {

  /** Returns the configured name of the system, such as {@code jira-sec}. */
  String name();

  /** Returns how many dedup keys one search request covers. */
  int searchBatchSize();

  /**
   * Finds the tickets of {@code dedupKeys}, at most {@link #searchBatchSize()} of them, with one
   * search (more requests only when the result spans several pages).
   *
   * @return the tickets by dedup key; keys without a ticket are absent
   */
  Map<String, RemoteTicket> find(Collection<String> dedupKeys) throws IOException;

  /** Creates the ticket of {@code draft} and returns it. */
  RemoteTicket create(TicketDraft draft) throws IOException;

  /**
   * Creates the post-incident review ticket of {@code draft}, which mentions the unit's ticket, and
   * returns it. A later {@link #find} of the draft's dedup key returns it.
   */
  RemoteTicket createReview(ReviewDraft draft) throws IOException;

  /** Updates {@code ticket} to {@code draft} as {@code change} describes, with its comment. */
  void update(RemoteTicket ticket, TicketDraft draft, TicketChange change) throws IOException;

  /** Adds a comment (a work note in ServiceNow). */
  void comment(RemoteTicket ticket, String text) throws IOException;

  /** Resolves or closes the ticket with {@code text} as the closing comment. */
  void close(RemoteTicket ticket, String text) throws IOException;

  /** Attaches {@code file}, such as an evidence bundle. */
  void attach(RemoteTicket ticket, Path file) throws IOException;

  /**
   * Checks that the system is reachable, accepts the credentials and has the configured project or
   * table, with read requests only.
   *
   * @return a one-line description of what was checked
   */
  String checkConnection() throws IOException;
}
