package io.patchpipeline.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.report.PackageKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetedCheckTest {
  private static final String CVE = "CVE-2023-5678";

  private static CheckItem item(
      String pkg, String host, PackageKind kind, Optional<List<String>> fixed) {
    return new CheckItem(
        "f1", CVE, List.of(CVE), pkg, "debian", kind, List.of(host, "10.0.0.5"), fixed);
  }

  private static HostInventory debianHost(String name, InstalledPackage... packages) {
    return HostInventory.of(name, List.of(packages), "test").withDistribution("debian", "12");
  }

  private static TargetedCheck check(HostInventory... hosts) {
    return check(AdvisoryIndex.empty(), hosts);
  }

  private static TargetedCheck check(AdvisoryIndex advisories, HostInventory... hosts) {
    Map<String, HostInventory> byName = new java.util.HashMap<>();
    for (HostInventory host : hosts) {
      byName.put(host.host(), host);
    }
    return new TargetedCheck(byName, advisories);
  }

  @ParameterizedTest(name = "installed {0}, fixed {1} -> {2}")
  @CsvSource({
    "3.0.11-1~deb12u2, 3.0.11-1~deb12u2, FIXED",
    "3.0.11-1~deb12u3, 3.0.11-1~deb12u2, FIXED",
    "3.0.11-1~deb12u1, 3.0.11-1~deb12u2, STILL_VULNERABLE",
    "1:3.0.0-1, 3.0.11-1, FIXED",
    "3.0.11-1~deb12u2, 3.0.11-1, STILL_VULNERABLE",
    "1.0, x:1.0, UNKNOWN",
  })
  void comparesInstalledWithFixed(String installed, String fixed, VerificationStatus expected) {
    TargetedCheck check =
        check(debianHost("web1", new InstalledPackage("openssl", installed, "amd64", "")));

    FindingVerification result =
        check.check(item("openssl", "web1", PackageKind.OS, Optional.of(List.of(fixed))));

    assertThat(result.status()).isEqualTo(expected);
    assertThat(result.host()).isEqualTo("web1");
    assertThat(result.method()).isEqualTo("targeted");
  }

  @Test
  void unreachableHostIsUnknown() {
    TargetedCheck check = check(HostInventory.unreachable("web1", "Connection refused", "ansible"));

    FindingVerification result =
        check.check(item("openssl", "web1", PackageKind.OS, Optional.of(List.of("3.0.11-1"))));

    assertThat(result.status()).isEqualTo(VerificationStatus.UNKNOWN);
    assertThat(result.reason()).contains("not reached").contains("Connection refused");
  }

  @Test
  void hostWithoutInventoryIsUnknown() {
    TargetedCheck check = check(debianHost("other"));

    FindingVerification result =
        check.check(item("openssl", "web1", PackageKind.OS, Optional.of(List.of("3.0.11-1"))));

    assertThat(result.status()).isEqualTo(VerificationStatus.UNKNOWN);
    assertThat(result.reason()).contains("web1");
  }

  @Test
  void hostFoundByItsAddress() {
    TargetedCheck check =
        check(debianHost("10.0.0.5", new InstalledPackage("openssl", "3.0.11-1", "", "")));

    FindingVerification result =
        check.check(item("openssl", "web1", PackageKind.OS, Optional.of(List.of("3.0.11-1"))));

    assertThat(result.status()).isEqualTo(VerificationStatus.FIXED);
  }

  @Test
  void unreportedPackageIsUnknown() {
    TargetedCheck check =
        check(debianHost("web1", new InstalledPackage("curl", "7.88.1-10", "", "")));

    FindingVerification result =
        check.check(item("openssl", "web1", PackageKind.OS, Optional.of(List.of("3.0.11-1"))));

    assertThat(result.status()).isEqualTo(VerificationStatus.UNKNOWN);
    assertThat(result.reason()).contains("did not report package openssl");
  }

  @ParameterizedTest(name = "fixed versions {0}")
  @CsvSource({"absent", "empty"})
  void missingFixedVersionIsUnknown(String kind) {
    TargetedCheck check =
        check(debianHost("web1", new InstalledPackage("openssl", "9.9.9-1", "", "")));
    Optional<List<String>> fixed =
        kind.equals("absent") ? Optional.empty() : Optional.of(List.of());

    FindingVerification result = check.check(item("openssl", "web1", PackageKind.OS, fixed));

    assertThat(result.status()).isEqualTo(VerificationStatus.UNKNOWN);
    assertThat(result.reason()).contains("no fixed version");
  }

  @Test
  void oldestOfSeveralInstalledEntriesDecides() {
    TargetedCheck check =
        check(
            debianHost(
                "web1",
                new InstalledPackage("libssl3", "3.0.11-1~deb12u2", "amd64", ""),
                new InstalledPackage("libssl3", "3.0.9-1", "i386", "")));

    FindingVerification result =
        check.check(
            item("libssl3", "web1", PackageKind.OS, Optional.of(List.of("3.0.11-1~deb12u2"))));

    assertThat(result.status()).isEqualTo(VerificationStatus.STILL_VULNERABLE);
    assertThat(result.installedVersion()).isEqualTo("3.0.9-1");
  }

  @Test
  void advisoryForTheHostReleaseWinsOverScanner() {
    Advisory backport =
        new Advisory("DSA-5532-1", "debian", "12", "openssl", List.of(CVE), "3.0.11-1~deb12u2");
    Advisory otherRelease =
        new Advisory("DSA-5532-1", "debian", "11", "openssl", List.of(CVE), "1.1.1w-0+deb11u1");
    TargetedCheck check =
        check(
            new AdvisoryIndex(List.of(otherRelease, backport)),
            debianHost("web1", new InstalledPackage("openssl", "3.0.11-1~deb12u2", "amd64", "")));

    FindingVerification result =
        check.check(item("openssl", "web1", PackageKind.OS, Optional.of(List.of("3.0.13-1"))));

    assertThat(result.status()).isEqualTo(VerificationStatus.FIXED);
    assertThat(result.fixedVersion()).isEqualTo("3.0.11-1~deb12u2");
    assertThat(result.fixedVersionSource()).isEqualTo("DSA-5532-1");
  }

  @Test
  void advisoryIgnoredWhenReleaseUnknown() {
    Advisory backport =
        new Advisory("DSA-5532-1", "debian", "12", "openssl", List.of(CVE), "3.0.11-1~deb12u2");
    HostInventory host =
        HostInventory.of(
            "web1", List.of(new InstalledPackage("openssl", "3.0.11-1~deb12u2", "", "")), "test");
    TargetedCheck check = check(new AdvisoryIndex(List.of(backport)), host);

    FindingVerification result =
        check.check(item("openssl", "web1", PackageKind.OS, Optional.of(List.of("3.0.13-1"))));

    assertThat(result.status()).isEqualTo(VerificationStatus.STILL_VULNERABLE);
    assertThat(result.fixedVersionSource()).isEqualTo("scanner");
  }

  @Test
  void advisoryMatchesTheSourcePackage() {
    Advisory advisory =
        new Advisory("DLA-1", "debian", "12", "openssl", List.of(CVE), "3.0.11-1~deb12u2");
    TargetedCheck check =
        check(
            new AdvisoryIndex(List.of(advisory)),
            debianHost("web1", new InstalledPackage("libssl3", "3.0.11-1~deb12u1", "", "openssl")));

    FindingVerification result =
        check.check(item("libssl3", "web1", PackageKind.OS, Optional.of(List.of("3.0.13-1"))));

    assertThat(result.status()).isEqualTo(VerificationStatus.STILL_VULNERABLE);
    assertThat(result.fixedVersion()).isEqualTo("3.0.11-1~deb12u2");
  }

  @Test
  void runningKernelCountsNotTheInstalledOne() {
    HostInventory host =
        debianHost(
                "web1", new InstalledPackage("linux-image-6.1.0-21-amd64", "6.1.90-1", "amd64", ""))
            .withKernel("6.1.0-18-amd64", "#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)");
    TargetedCheck check = check(host);

    FindingVerification result =
        check.check(
            item(
                "linux-image-6.1.0-21-amd64",
                "web1",
                PackageKind.KERNEL,
                Optional.of(List.of("6.1.85-1"))));

    assertThat(result.status()).isEqualTo(VerificationStatus.STILL_VULNERABLE);
    assertThat(result.installedVersion()).isEqualTo("6.1.76-1");
    assertThat(result.reason()).contains("reboot pending");
  }

  @Test
  void bootedFixedKernelIsFixed() {
    HostInventory host =
        debianHost(
                "web1", new InstalledPackage("linux-image-6.1.0-21-amd64", "6.1.90-1", "amd64", ""))
            .withKernel("6.1.0-21-amd64", "#1 SMP PREEMPT_DYNAMIC");
    TargetedCheck check = check(host);

    FindingVerification result =
        check.check(
            item(
                "linux-image-6.1.0-21-amd64",
                "web1",
                PackageKind.KERNEL,
                Optional.of(List.of("6.1.85-1"))));

    assertThat(result.status()).isEqualTo(VerificationStatus.FIXED);
    assertThat(result.installedVersion()).isEqualTo("6.1.90-1");
  }

  @Test
  void kernelWithoutRunningVersionIsUnknown() {
    HostInventory host =
        debianHost(
            "web1", new InstalledPackage("linux-image-6.1.0-21-amd64", "6.1.90-1", "amd64", ""));
    TargetedCheck check = check(host);

    FindingVerification result =
        check.check(
            item(
                "linux-image-6.1.0-21-amd64",
                "web1",
                PackageKind.KERNEL,
                Optional.of(List.of("6.1.85-1"))));

    assertThat(result.status()).isEqualTo(VerificationStatus.UNKNOWN);
    assertThat(result.reason()).contains("running kernel");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "rpm, 4.18.0-513.5.1.el8_9.x86_64, 4.18.0-513.5.1.el8_9, FIXED",
    "rpm, 4.18.0-477.10.1.el8_8.x86_64, 4.18.0-513.5.1.el8_9, STILL_VULNERABLE",
    "alpine, 6.6.14-0-lts, 6.6.14-r0, FIXED",
    "alpine, 6.6.13-1-lts, 6.6.14-r0, STILL_VULNERABLE",
    "alpine, custom, 6.6.14-r0, UNKNOWN",
  })
  void runningKernelOfOtherDistributions(
      String ecosystem, String uname, String fixed, VerificationStatus expected) {
    HostInventory host =
        HostInventory.of("h", List.of(), "test")
            .withDistribution(ecosystem, "")
            .withKernel(uname, "");
    CheckItem kernel =
        new CheckItem(
            "k",
            CVE,
            List.of(CVE),
            "kernel",
            ecosystem,
            PackageKind.KERNEL,
            List.of("h"),
            Optional.of(List.of(fixed)));

    assertThat(check(host).check(kernel).status()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "installed {0}")
  @CsvSource({
    "2.12.7, FIXED",
    "2.12.6, STILL_VULNERABLE",
    "2.13.0, STILL_VULNERABLE",
    "2.13.2.1, FIXED",
    "2.11.0, STILL_VULNERABLE",
    "2.14.0, FIXED",
  })
  void fixPerReleaseLine(String installed, VerificationStatus expected) {
    HostInventory host =
        HostInventory.of(
            "app", List.of(new InstalledPackage("jackson-databind", installed, "", "")), "test");
    CheckItem library =
        new CheckItem(
            "l",
            CVE,
            List.of(CVE),
            "jackson-databind",
            "maven",
            PackageKind.LIBRARY,
            List.of("app"),
            Optional.of(List.of("2.13.2.1", "2.12.6.1")));

    assertThat(check(host).check(library).status()).isEqualTo(expected);
  }
}
