package io.patchpipeline.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.core.Severity;
import io.patchpipeline.engine.report.Finding;
import io.patchpipeline.engine.report.PackageKind;
import io.patchpipeline.engine.report.PackageRef;
import io.patchpipeline.engine.report.ScannerInfo;
import io.patchpipeline.engine.report.Target;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RescanDiffTest {

  static Finding finding(String id, List<String> aliases, String pkg, String version, String host) {
    return new Finding(
        id,
        aliases,
        new PackageRef(pkg, "debian", "", version, PackageKind.OS),
        Optional.of(List.of("9.9")),
        Target.host(host, ""),
        new ScannerInfo("trivy", "0.50"),
        Severity.HIGH,
        "nvd",
        List.of(),
        "",
        Optional.empty(),
        "scan.json");
  }

  @Test
  void sortsOldFindingsIntoFixedStillAndUnknown() {
    Finding fixedOne = finding("CVE-2024-0001", List.of(), "openssl", "3.0.9", "web1");
    Finding stillOne = finding("CVE-2024-0002", List.of(), "curl", "7.88.1", "web1");
    Finding unscanned = finding("CVE-2024-0003", List.of(), "bash", "5.2", "web2");
    Finding cleanHost = finding("CVE-2024-0004", List.of(), "zlib", "1.2", "web3");
    Finding stillAgain = finding("CVE-2024-0002", List.of(), "curl", "7.88.2", "web1");
    Finding brandNew = finding("CVE-2024-0005", List.of(), "glibc", "2.36", "web1");

    RescanDiff diff =
        RescanDiff.compare(
            List.of(fixedOne, stillOne, unscanned, cleanHost),
            List.of(stillAgain, brandNew),
            List.of("web3"));

    assertThat(diff.fixed()).containsExactly(fixedOne, cleanHost);
    assertThat(diff.stillPresent()).containsExactly(stillOne);
    assertThat(diff.unknown()).containsExactly(unscanned);
    assertThat(diff.newlyFound()).containsExactly(brandNew);
  }

  @Test
  void matchesByCveAliasAcrossScanners() {
    Finding before =
        finding("GHSA-xxxx-yyyy-zzzz", List.of("CVE-2024-0001"), "openssl", "3.0.9", "web1");
    Finding after = finding("CVE-2024-0001", List.of(), "openssl", "3.0.9", "web1");

    RescanDiff diff = RescanDiff.compare(List.of(before), List.of(after), List.of());

    assertThat(diff.stillPresent()).containsExactly(before);
    assertThat(diff.newlyFound()).isEmpty();
  }

  @Test
  void absentTargetIsNeverFixed() {
    Finding before = finding("CVE-2024-0001", List.of(), "openssl", "3.0.9", "web1");

    RescanDiff diff = RescanDiff.compare(List.of(before), List.of(), List.of());

    assertThat(diff.fixed()).isEmpty();
    assertThat(diff.verifications())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.status()).isEqualTo(VerificationStatus.UNKNOWN);
              assertThat(v.method()).isEqualTo("rescan");
              assertThat(v.reason()).contains("did not cover web1");
            });
  }

  @Test
  void verificationsCarryStatusPerOldFinding() {
    Finding fixedOne = finding("CVE-2024-0001", List.of(), "openssl", "3.0.9", "web1");
    Finding stillOne = finding("CVE-2024-0002", List.of(), "curl", "7.88.1", "web1");

    List<FindingVerification> results =
        RescanDiff.compare(List.of(fixedOne, stillOne), List.of(stillOne), List.of())
            .verifications();

    assertThat(results)
        .extracting(FindingVerification::status)
        .containsExactly(VerificationStatus.FIXED, VerificationStatus.STILL_VULNERABLE);
    assertThat(results)
        .extracting(FindingVerification::findingId)
        .containsExactly("CVE-2024-0001 openssl @ web1", "CVE-2024-0002 curl @ web1");
  }
}
