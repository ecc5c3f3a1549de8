package io.patchpipeline.engine.ticket;

import java.util.Optional;

/**
 * A ticket as a search returned it.
 *
 * @param key the key people use: a Jira issue key, a ServiceNow number, a file store key
 * @param id the system's internal id: the Jira issue id, the ServiceNow {@code sys_id}
 * @param status the workflow status name or state value
 * @param state what Patch Pipeline last wrote; absent for a ticket written by someone else
 */
public record RemoteTicket(
    String key, String id, String url, String dedupKey, String status, Optional<SyncState> state) {}
