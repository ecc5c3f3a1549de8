package io.patchpipeline.engine.record;

import io.patchpipeline.engine.core.Severity;
import io.patchpipeline.engine.intel.KevStatus;
import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.report.PackageKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One deduplicated finding as the record keeps it: what was found, on which asset, with the threat
 * data and the policy decision that apply to it.
 *
 * @param id stable id: a hash of vulnerability, package, installed version and asset
 * @param targets every target the finding was seen on that belongs to the same asset
 * @param fixedVersions absent when no report gave one; empty when a report stated that no fix
 *     exists
 * @param epss absent when EPSS does not score any of the CVEs (unknown, not zero)
 * @param maxCvss highest CVSS base score over all sources, or absent
 * @param rule the id of the policy rule that set the priority
 * @param ruleInputs the values that rule read, for replaying the decision
 */
public record UnitFinding(
    String id,
    String vulnerabilityId,
    List<String> cves,
    List<String> aliases,
    String packageName,
    String ecosystem,
    String purl,
    PackageKind packageKind,
    String installedVersion,
    Optional<List<String>> fixedVersions,
    List<String> targets,
    String targetKind,
    String assetId,
    String assetGroup,
    String owner,
    Severity severity,
    String severitySource,
    Optional<Double> maxCvss,
    List<String> cvssVectors,
    Optional<Double> epss,
    Optional<Double> epssPercentile,
    KevStatus kev,
    Optional<LocalDate> kevDueDate,
    boolean knownRansomwareUse,
    Priority priority,
    Instant dueDate,
    boolean needsTicket,
    String rule,
    Map<String, String> ruleInputs,
    List<String> reports,
    List<String> scanners,
    Optional<LocalDate> published,
    String title) {}
