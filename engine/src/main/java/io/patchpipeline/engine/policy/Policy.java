package io.patchpipeline.engine.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.patchpipeline.engine.asset.Criticality;
import io.patchpipeline.engine.intel.KevEntry;
import io.patchpipeline.engine.intel.KevStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded, validated policy: whether a finding needs a ticket, its priority (first matching rule,
 * else {@code defaultPriority}) and its SLA due dates.
 *
 * @param kevDueDates use the KEV catalog's due date when it is earlier than the SLA (BOD 22-01)
 * @param triage the raw triage section for the triage stage; a {@link NullNode} when absent
 * @param source the file name and SHA-256, or {@code built-in} for a preset
 */
public record Policy(
    String name,
    String preset,
    boolean kevDueDates,
    TicketRule ticket,
    List<PriorityRule> priorities,
    Priority defaultPriority,
    Sla sla,
    Map<Priority, String> ticketPriorities,
    JsonNode triage,
    String source,
    String sha256) {

  /** Rule id recorded when no rule matched and the default priority applies. */
  public static final String DEFAULT_RULE = "default-priority";

  /** Decides priority, ticket and due dates for one finding first seen at {@code detected}. */
  public PolicyDecision decide(RiskFacts facts, Optional<KevEntry> kev, Instant detected) {
    Priority priority = defaultPriority;
    String rule = DEFAULT_RULE;
    Map<String, String> inputs = Map.of();
    for (PriorityRule candidate : priorities) {
      if (candidate.when().holds(facts)) {
        priority = candidate.priority();
        rule = candidate.id();
        inputs = Map.copyOf(candidate.when().inputs(facts));
        break;
      }
    }
    Instant due = detected.plus(sla.remediate().get(priority));
    if (kevDueDates && kev.isPresent() && kev.get().dueDate().isPresent()) {
      Instant kevDue = endOfDay(kev.get().dueDate().get());
      if (kevDue.isBefore(due)) {
        due = kevDue;
      }
    }
    return new PolicyDecision(
        priority,
        rule,
        inputs,
        needsTicket(facts),
        ticketPriorities.get(priority),
        detected.plus(sla.triage().get(priority)),
        due);
  }

  /** Returns whether {@code facts} cross the ticket threshold; unknown values never do. */
  public boolean needsTicket(RiskFacts facts) {
    if (ticket.kev() && facts.kev() == KevStatus.LISTED) {
      return true;
    }
    if (facts.epss().map(e -> e > ticket.epssAbove()).orElse(false)) {
      return true;
    }
    Criticality tier = facts.asset().criticality();
    boolean tierMatches =
        ticket.cvssCriticality().stream()
            .anyMatch(t -> t.trim().toUpperCase(Locale.ROOT).equals(tier.name()));
    return tierMatches && facts.cvss().map(c -> c > ticket.cvssAbove()).orElse(false);
  }

  /** Returns the remediation time allowed for {@code priority}. */
  public Duration remediationTime(Priority priority) {
    return sla.remediate().get(priority);
  }

  private static Instant endOfDay(LocalDate date) {
    return date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
  }
}
