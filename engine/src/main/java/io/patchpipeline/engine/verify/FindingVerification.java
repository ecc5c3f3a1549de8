package io.patchpipeline.engine.verify;

import java.util.Objects;

/**
 * The verdict on one finding, with what it was decided from.
 *
 * @param method {@code targeted} (installed versions) or {@code rescan} (a new report)
 * @param installedVersion the version compared, or empty when none was known
 * @param fixedVersion the version required, or empty when none was known
 * @param fixedVersionSource where the fixed version came from: an advisory id or {@code scanner}
 * @param reason one sentence a person reads in a ticket comment
 */
public record FindingVerification(
    String findingId,
    String vulnerabilityId,
    String packageName,
    String host,
    VerificationStatus status,
    String method,
    String installedVersion,
    String fixedVersion,
    String fixedVersionSource,
    String reason) {

  public FindingVerification {
    Objects.requireNonNull(findingId, "findingId");
    Objects.requireNonNull(status, "status");
    vulnerabilityId = Objects.requireNonNullElse(vulnerabilityId, "");
    packageName = Objects.requireNonNullElse(packageName, "");
    host = Objects.requireNonNullElse(host, "");
    method = Objects.requireNonNullElse(method, "");
    installedVersion = Objects.requireNonNullElse(installedVersion, "");
    fixedVersion = Objects.requireNonNullElse(fixedVersion, "");
    fixedVersionSource = Objects.requireNonNullElse(fixedVersionSource, "");
    reason = Objects.requireNonNullElse(reason, "");
  }

  public boolean isFixed() {
    return status == VerificationStatus.FIXED;
  }
}
