package io.patchpipeline.engine.ticket;

import io.patchpipeline.engine.policy.Priority;
import java.time.Instant;

/**
 * The ticket of one unit as the record keeps it.
 *
 * @param system the configured name of the ticket system
 * @param key the key people use, such as {@code SEC-42} or {@code INC0010023}
 * @param id the system's internal id, such as the ServiceNow {@code sys_id}
 * @param status the status after the last sync: {@code open}, {@code closed}, or the system's value
 * @param hash the material hash of the content last synced
 */
public record TicketLink(
    String system,
    String key,
    String id,
    String url,
    String dedupKey,
    String status,
    Priority priority,
    String hash,
    Instant syncedAt) {

  RemoteTicket toRemote() {
    return new RemoteTicket(key, id, url, dedupKey, status, java.util.Optional.empty());
  }
}
