package io.patchpipeline.engine.evidence;

import io.patchpipeline.engine.verify.FindingVerification;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an auditor needs to trust that one unit was remediated.
 *
 * @param beforeScans report files that found the vulnerabilities; copied into the bundle
 * @param afterScans report files of the re-scan, if one was made
 * @param verifications the verdict per finding and how it was reached
 * @param approver who approved the patch, or the policy rule that approved it automatically
 */
public record UnitEvidence(
    String unitId,
    String runId,
    Instant createdAt,
    Map<String, Object> unit,
    List<Path> beforeScans,
    List<Path> afterScans,
    List<FindingVerification> verifications,
    List<Decision> decisions,
    String approver,
    List<Wave> waves,
    List<Ticket> tickets,
    Optional<Sla> sla) {

  public UnitEvidence {
    Objects.requireNonNull(unitId, "unitId");
    runId = Objects.requireNonNullElse(runId, "");
    Objects.requireNonNull(createdAt, "createdAt");
    unit = Map.copyOf(unit);
    beforeScans = List.copyOf(beforeScans);
    afterScans = List.copyOf(afterScans);
    verifications = List.copyOf(verifications);
    decisions = List.copyOf(decisions);
    approver = Objects.requireNonNullElse(approver, "");
    waves = List.copyOf(waves);
    tickets = List.copyOf(tickets);
    sla = Objects.requireNonNullElse(sla, Optional.empty());
  }

  /** One decision with the rule that made it and the values the rule read. */
  public record Decision(
      String subject,
      String outcome,
      String rule,
      Map<String, String> inputs,
      String decidedBy,
      Instant at) {
    public Decision {
      inputs = Map.copyOf(inputs);
    }
  }

  /** One deployment wave and the health samples taken during its hold. */
  public record Wave(
      String name,
      List<String> hosts,
      String outcome,
      Instant started,
      Instant finished,
      List<HealthSample> health) {
    public Wave {
      hosts = List.copyOf(hosts);
      health = List.copyOf(health);
    }
  }

  /** One health check result. */
  public record HealthSample(Instant at, String check, String value, boolean healthy) {}

  /** One ticket of the unit. */
  public record Ticket(String system, String key, String url) {}

  /** The unit's SLA and how it ended. */
  public record Sla(
      String priority,
      Instant detected,
      Optional<Instant> due,
      Optional<Instant> closed,
      String outcome) {}
}
