package io.patchpipeline.engine.ledger;

import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.record.RemediationUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A remediation unit as the ledger keeps it.
 *
 * @param team the owning team, or empty when the unit has no owner
 * @param slaDueAt absent when the priority has no SLA (P3 by site policy)
 * @param closedAt absent while the unit is open
 * @param outcome absent while the unit is open and not yet past its due date
 */
public record LedgerUnit(
    String unitId,
    String key,
    Priority priority,
    String team,
    String assetGroup,
    String packageName,
    List<String> cves,
    Instant detectedAt,
    Optional<Instant> slaDueAt,
    Optional<Instant> closedAt,
    Optional<SlaOutcome> outcome) {

  public LedgerUnit {
    unitId = Objects.requireNonNull(unitId, "unitId");
    key = Objects.requireNonNullElse(key, "");
    priority = Objects.requireNonNull(priority, "priority");
    team = Objects.requireNonNullElse(team, "");
    assetGroup = Objects.requireNonNullElse(assetGroup, "");
    packageName = Objects.requireNonNullElse(packageName, "");
    cves = List.copyOf(cves);
    detectedAt = Objects.requireNonNull(detectedAt, "detectedAt");
    slaDueAt = Objects.requireNonNullElse(slaDueAt, Optional.empty());
    closedAt = Objects.requireNonNullElse(closedAt, Optional.empty());
    outcome = Objects.requireNonNullElse(outcome, Optional.empty());
  }

  /** Creates the open ledger entry of a unit detected at {@code detectedAt}. */
  public static LedgerUnit of(RemediationUnit unit, Instant detectedAt) {
    return new LedgerUnit(
        unit.id(),
        unit.key(),
        unit.priority(),
        unit.owners().isEmpty() ? "" : unit.owners().get(0),
        unit.assetGroup(),
        unit.packageName(),
        unit.cves(),
        detectedAt,
        Optional.ofNullable(unit.dueDate()),
        Optional.empty(),
        Optional.empty());
  }

  /** Returns this unit with its times truncated to the microseconds the database stores. */
  LedgerUnit atStoredPrecision() {
    return new LedgerUnit(
        unitId,
        key,
        priority,
        team,
        assetGroup,
        packageName,
        cves,
        Ledger.stored(detectedAt),
        slaDueAt.map(Ledger::stored),
        closedAt.map(Ledger::stored),
        outcome);
  }

  public boolean isOpen() {
    return closedAt.isEmpty();
  }

  /** Returns the time from detection to closure, or empty while open. */
  public Optional<Duration> timeToRemediate() {
    return closedAt.map(closed -> Duration.between(detectedAt, closed));
  }
}
