package io.patchpipeline.engine.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one host reported about its packages and its running kernel.
 *
 * @param reached whether the host was reached; {@code unreachableReason} says why not
 * @param distribution lower-case distribution id such as {@code debian}, {@code ubuntu}, {@code
 *     redhat} or {@code alpine}, or empty when unknown
 * @param release the distribution's major release, such as {@code 12} or {@code 9}, or empty
 * @param packages installed packages by name; a name can have several entries (architectures,
 *     kernels side by side)
 * @param runningKernel the running kernel as {@code uname -r} prints it, or empty
 * @param kernelBuild the kernel build string as {@code uname -v} prints it, or empty
 * @param source where the data came from, such as {@code ansible package_facts} or {@code
 *     dpkg-query}
 */
public record HostInventory(
    String host,
    boolean reached,
    String unreachableReason,
    String distribution,
    String release,
    Map<String, List<InstalledPackage>> packages,
    String runningKernel,
    String kernelBuild,
    String source) {

  public HostInventory {
    host = Objects.requireNonNull(host, "host");
    unreachableReason = Objects.requireNonNullElse(unreachableReason, "");
    distribution = Objects.requireNonNullElse(distribution, "");
    release = Objects.requireNonNullElse(release, "");
    packages = copy(packages);
    runningKernel = Objects.requireNonNullElse(runningKernel, "").trim();
    kernelBuild = Objects.requireNonNullElse(kernelBuild, "").trim();
    source = Objects.requireNonNullElse(source, "");
  }

  /** Creates the inventory of a host that could not be reached. */
  public static HostInventory unreachable(String host, String reason, String source) {
    return new HostInventory(host, false, reason, "", "", Map.of(), "", "", source);
  }

  /** Creates the inventory of a host from its package list. */
  public static HostInventory of(String host, List<InstalledPackage> installed, String source) {
    Map<String, List<InstalledPackage>> byName = new LinkedHashMap<>();
    for (InstalledPackage pkg : installed) {
      byName.computeIfAbsent(pkg.name(), name -> new ArrayList<>()).add(pkg);
    }
    return new HostInventory(host, true, "", "", "", byName, "", "", source);
  }

  /** Returns the entries reported for {@code name}, or an empty list. */
  public List<InstalledPackage> installed(String name) {
    return packages.getOrDefault(name, List.of());
  }

  public HostInventory withKernel(String release, String build) {
    return new HostInventory(
        host,
        reached,
        unreachableReason,
        distribution,
        this.release,
        packages,
        release,
        build,
        source);
  }

  public HostInventory withDistribution(String id, String majorRelease) {
    return new HostInventory(
        host,
        reached,
        unreachableReason,
        id,
        majorRelease,
        packages,
        runningKernel,
        kernelBuild,
        source);
  }

  /** Returns this inventory with the packages and kernel of {@code other} added. */
  public HostInventory mergedWith(HostInventory other) {
    Map<String, List<InstalledPackage>> merged = new LinkedHashMap<>();
    packages.forEach((name, list) -> merged.put(name, new ArrayList<>(list)));
    other.packages.forEach(
        (name, list) -> merged.computeIfAbsent(name, n -> new ArrayList<>()).addAll(list));
    return new HostInventory(
        host,
        reached && other.reached,
        unreachableReason.isEmpty() ? other.unreachableReason : unreachableReason,
        distribution.isEmpty() ? other.distribution : distribution,
        release.isEmpty() ? other.release : release,
        merged,
        runningKernel.isEmpty() ? other.runningKernel : runningKernel,
        kernelBuild.isEmpty() ? other.kernelBuild : kernelBuild,
        source.isEmpty() ? other.source : source + ", " + other.source);
  }

  private static Map<String, List<InstalledPackage>> copy(Map<String, List<InstalledPackage>> map) {
    Map<String, List<InstalledPackage>> copy = new LinkedHashMap<>();
    if (map != null) {
      map.forEach((name, list) -> copy.put(name, List.copyOf(list)));
    }
    return java.util.Collections.unmodifiableMap(copy);
  }
}
