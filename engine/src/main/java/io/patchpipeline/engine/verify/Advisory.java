package io.patchpipeline.engine.verify;

import java.util.List;
import java.util.Objects;

/**
 * A distribution's statement that one package is fixed at one version for one release.
 *
 * @param id the advisory id ({@code DSA-5532-1}, {@code DLA-3530-1}) or the OVAL definition id
 * @param distribution lower-case distribution, such as {@code debian}
 * @param release the release's major version, such as {@code 11}
 * @param packageName the source package the advisory names
 * @param cves the CVE ids the advisory fixes
 * @param fixedVersion the first fixed version; {@code 0} means the release was never affected
 */
public record Advisory(
    String id,
    String distribution,
    String release,
    String packageName,
    List<String> cves,
    String fixedVersion) {
  public Advisory {
    id = Objects.requireNonNull(id, "id");
    distribution = Objects.requireNonNullElse(distribution, "");
    release = Objects.requireNonNullElse(release, "");
    packageName = Objects.requireNonNull(packageName, "packageName");
    cves = List.copyOf(cves);
    fixedVersion = Objects.requireNonNull(fixedVersion, "fixedVersion");
  }
}
