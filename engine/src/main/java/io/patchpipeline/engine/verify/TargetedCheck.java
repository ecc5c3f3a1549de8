package io.patchpipeline.engine.verify;

import io.patchpipeline.engine.report.PackageKind;
import io.patchpipeline.engine.verify.version.InvalidVersionException;
import io.patchpipeline.engine.verify.version.VersionComparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides per finding whether the version installed on the host, or for a kernel the version
 * running, is at least the fixed version. Every missing answer (no inventory, host not reached,
 * package not reported, no fixed version, a version that cannot be parsed) gives {@link
 * VerificationStatus#UNKNOWN}, never fixed. A distribution advisory for the host's release wins
 * over the scanner's fixed version, because distributions backport fixes into older versions.
 */
public final class TargetedCheck {
  static final String METHOD = "targeted";

  private final Map<String, HostInventory> inventories;
  private final AdvisoryIndex advisories;

  public TargetedCheck(Map<String, HostInventory> inventories, AdvisoryIndex advisories) {
    this.inventories = Map.copyOf(inventories);
    this.advisories = advisories;
  }

  public List<FindingVerification> check(List<CheckItem> items) {
    List<FindingVerification> results = new ArrayList<>(items.size());
    for (CheckItem item : items) {
      results.add(check(item));
    }
    return results;
  }

  public FindingVerification check(CheckItem item) {
    Optional<HostInventory> found = inventoryOf(item);
    String hostName =
        found
            .map(HostInventory::host)
            .orElse(item.hostNames().isEmpty() ? "" : item.hostNames().get(0));
    Verdict verdict = new Verdict(item, hostName);
    if (found.isEmpty()) {
      return verdict.unknown("no installed versions were collected from host " + hostName);
    }
    HostInventory host = found.get();
    if (!host.reached()) {
      return verdict.unknown("host " + hostName + " was not reached: " + host.unreachableReason());
    }
    String ecosystem = item.ecosystem().isEmpty() ? host.distribution() : item.ecosystem();
    try {
      return compare(item, host, ecosystem, verdict);
    } catch (InvalidVersionException e) {
      return verdict.unknown(e.getMessage());
    }
  }

  private FindingVerification compare(
      CheckItem item, HostInventory host, String ecosystem, Verdict verdict) {
    VersionComparator comparator = VersionComparator.forEcosystem(ecosystem);
    List<InstalledPackage> installed = host.installed(item.packageName());
    Optional<Advisory> advisory = advisoryFor(item, host, installed);
    List<String> fixed =
        advisory.map(a -> List.of(a.fixedVersion())).orElse(item.fixedVersions().orElse(List.of()));
    String fixedSource = advisory.map(Advisory::id).orElse("scanner");
    if (fixed.isEmpty()) {
      return verdict.unknown("no fixed version is known for " + item.packageName());
    }
    if (item.kind() == PackageKind.KERNEL) {
      return compareKernel(host, ecosystem, comparator, fixed, fixedSource, installed, verdict);
    }
    if (installed.isEmpty()) {
      return verdict.unknown(
          "host " + host.host() + " did not report package " + item.packageName());
    }
    InstalledPackage oldest =
        installed.stream()
            .min((a, b) -> comparator.compare(a.version(), b.version()))
            .orElseThrow();
    String required = FixedVersions.applicable(oldest.version(), fixed, comparator);
    if (comparator.isAtLeast(oldest.version(), required)) {
      return verdict.fixed(
          oldest.version(),
          required,
          fixedSource,
          "installed " + oldest.version() + " is at least fixed " + required);
    }
    return verdict.vulnerable(
        oldest.version(),
        required,
        fixedSource,
        "installed " + oldest.version() + " is older than fixed " + required);
  }

  private FindingVerification compareKernel(
      HostInventory host,
      String ecosystem,
      VersionComparator comparator,
      List<String> fixed,
      String fixedSource,
      List<InstalledPackage> installed,
      Verdict verdict) {
    Optional<String> running = KernelVersions.running(host, ecosystem);
    if (running.isEmpty()) {
      String kernel = host.runningKernel().isEmpty() ? "not reported" : host.runningKernel();
      return verdict.unknown(
          "the running kernel (" + kernel + ") could not be matched to a package version");
    }
    String required = FixedVersions.applicable(running.get(), fixed, comparator);
    if (comparator.isAtLeast(running.get(), required)) {
      return verdict.fixed(
          running.get(),
          required,
          fixedSource,
          "running kernel " + running.get() + " is at least fixed " + required);
    }
    boolean fixInstalled =
        installed.stream().anyMatch(p -> comparator.isAtLeast(p.version(), required));
    String reason =
        "running kernel "
            + running.get()
            + " is older than fixed "
            + required
            + (fixInstalled ? "; a fixed kernel is installed, reboot pending" : "");
    return verdict.vulnerable(running.get(), required, fixedSource, reason);
  }

  private Optional<Advisory> advisoryFor(
      CheckItem item, HostInventory host, List<InstalledPackage> installed) {
    String source =
        installed.stream()
            .map(InstalledPackage::source)
            .filter(s -> !s.isEmpty())
            .findFirst()
            .orElse("");
    return advisories.find(
        item.cves(), item.packageName(), source, host.distribution(), host.release());
  }

  private Optional<HostInventory> inventoryOf(CheckItem item) {
    for (String name : item.hostNames()) {
      HostInventory inventory = inventories.get(name);
      if (inventory != null) {
        return Optional.of(inventory);
      }
    }
    return Optional.empty();
  }

  /** Builds the verdicts of one item. */
  private record Verdict(CheckItem item, String host) {
    FindingVerification unknown(String reason) {
      return result(VerificationStatus.UNKNOWN, "", "", "", reason);
    }

    FindingVerification fixed(String installed, String fixed, String source, String reason) {
      return result(VerificationStatus.FIXED, installed, fixed, source, reason);
    }

    FindingVerification vulnerable(String installed, String fixed, String source, String reason) {
      return result(VerificationStatus.STILL_VULNERABLE, installed, fixed, source, reason);
    }

    private FindingVerification result(
        VerificationStatus status, String installed, String fixed, String source, String reason) {
      return new FindingVerification(
          item.findingId(),
          item.vulnerabilityId(),
          item.packageName(),
          host,
          status,
          METHOD,
          installed,
          fixed,
          source,
          reason);
    }
  }
}
