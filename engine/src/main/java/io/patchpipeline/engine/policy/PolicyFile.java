package io.patchpipeline.engine.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The policy YAML as written; every field is optional and overrides the preset's value. See
 * docs/policy.md for each field.
 *
 * @param triage the triage section, read by the triage stage and kept here as written
 */
record PolicyFile(
    String name,
    String preset,
    Boolean kevDueDates,
    TicketFile ticket,
    List<PriorityRule> priorities,
    Priority defaultPriority,
    SlaFile sla,
    Map<Priority, String> ticketPriorities,
    JsonNode triage) {

  /** The ticket clauses as written; an absent clause keeps the preset's value. */
  record TicketFile(
      Boolean kev, Double epssAbove, Double cvssAbove, List<String> cvssCriticality) {}

  /**
   * SLA durations as written: {@code 2h}, {@code 30d}, {@code 45m} or ISO-8601 such as {@code
   * PT2H}.
   */
  record SlaFile(Map<Priority, String> remediate, Map<Priority, String> triage) {}
}
