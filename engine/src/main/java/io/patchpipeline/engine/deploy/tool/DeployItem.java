package io.patchpipeline.engine.deploy.tool;

import java.util.List;

/**
 * One approved fix as a deployer applies it: a package and its fixed version, or an image and its
 * tag, with the vulnerability ids it closes. Built only from units that triage approved.
 *
 * @param name the package name, the image reference without tag, or the KB id for Windows Update
 * @param version the fixed package version, or the image tag
 * @param previousVersion the version installed before the fix, used to pin it back on rollback;
 *     empty when unknown
 * @param kind {@code OS}, {@code KERNEL}, {@code LIBRARY}, {@code IMAGE}, ... as in the record
 */
public record DeployItem(
    String unitId,
    String name,
    String version,
    String previousVersion,
    String kind,
    List<String> cves) {
  public DeployItem {
    cves = List.copyOf(cves);
  }
}
