package io.patchpipeline.engine.policy;

import java.time.Instant;
import java.util.Map;

/**
 * The policy's decision for one finding, with the rule that made it and the values it read.
 *
 * @param dueDate when remediation is due under the SLA (or the KEV due date when earlier and the
 *     policy uses KEV due dates)
 * @param triageDue when a person must have triaged the finding
 */
public record PolicyDecision(
    Priority priority,
    String rule,
    Map<String, String> inputs,
    boolean needsTicket,
    String ticketPriority,
    Instant triageDue,
    Instant dueDate) {}
