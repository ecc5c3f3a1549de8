package io.patchpipeline.engine.record;

import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.report.PackageKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One fix covering many findings: upgrading one package to one version on one asset group.
 *
 * @param id short stable id for people and tickets, such as {@code PP-3f9a0c12d4}
 * @param key the dedup key: the same asset group, ecosystem and package give the same key on every
 *     scan, so a ticket system finds the unit's ticket again tomorrow
 * @param fixedVersion the version that fixes every finding of the unit (the highest fixed version
 *     reported), or empty when no fix exists for at least one of them
 * @param priority the worst priority of its findings; {@code dueDate} the earliest due date
 * @param ticketPriority the ticket system's priority name (Critical, High, Medium, Low)
 * @param findingIds ids of {@link UnitFinding}s in the record
 */
public record RemediationUnit(
    String id,
    String key,
    String assetGroup,
    String packageName,
    String ecosystem,
    PackageKind kind,
    String fixedVersion,
    List<String> installedVersions,
    List<String> vulnerabilityIds,
    List<String> cves,
    List<String> assets,
    List<String> targets,
    List<String> owners,
    Priority priority,
    Instant dueDate,
    boolean needsTicket,
    String ticketPriority,
    boolean kev,
    Optional<Double> maxCvss,
    Optional<Double> maxEpss,
    Complexity complexity,
    List<String> complexityReasons,
    List<String> findingIds) {

  /**
   * Returns the package name for messages and tickets. A host scanner's finding may name no package
   * (a kernel CVE from Nessus), so the text then names the component by its first CVE.
   */
  public String componentName() {
    if (packageName != null && !packageName.isBlank()) {
      return packageName;
    }
    List<String> ids = cves.isEmpty() ? vulnerabilityIds : cves;
    return ids.isEmpty() ? "the affected component" : "the component affected by " + ids.get(0);
  }

  /** Returns whether a fix is known for every finding of the unit. */
  public boolean hasFix() {
    return !fixedVersion.isEmpty();
  }
}
