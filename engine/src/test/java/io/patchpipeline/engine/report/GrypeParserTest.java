package io.patchpipeline.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Severity;
import io.patchpipeline.engine.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrypeParserTest extends AbstractParserTest {
  @Override
  protected ReportParser parser() {
    return new GrypeParser();
  }

  @Override
  protected String fixture() {
    return "grype-image.json";
  }

  @Override
  protected List<String> realReportFolders() {
    return List.of("grype");
  }

  @Override
  protected void checkFixture(List<Finding> findings) {
    assertThat(findings)
        .extracting(Finding::vulnerabilityId)
        .containsExactly("CVE-2023-5678", "GHSA-jfh8-c2jp-5v3q", "CVE-2023-4623", "CVE-2024-2511");
    Target image = Target.image("registry.example.com/shop/api:3.2");
    assertThat(findings).allSatisfy(finding -> assertThat(finding.target()).isEqualTo(image));
    assertThat(findings)
        .allSatisfy(
            finding -> assertThat(finding.scanner()).isEqualTo(new ScannerInfo("grype", "0.86.1")));

    Finding openssl = findings.get(0);
    assertThat(openssl.aliases()).isEmpty();
    assertThat(openssl.pkg())
        .isEqualTo(
            new PackageRef(
                "libssl3",
                "debian",
                "pkg:deb/debian/libssl3@3.0.11-1~deb12u1?arch=amd64&distro=debian-12",
                "3.0.11-1~deb12u1",
                PackageKind.OS));
    assertThat(openssl.fixedVersions()).contains(List.of("3.0.13-1~deb12u1"));
    assertThat(openssl.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(openssl.severitySource()).isEqualTo("debian:distro:debian:12");
    assertThat(openssl.cvss())
        .as("ratings of the related NVD record when the match has none")
        .containsExactly(
            new CvssScore("nvd:cpe", "3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L", 5.3));

    Finding log4j = findings.get(1);
    assertThat(log4j.aliases()).containsExactly("CVE-2021-44228");
    assertThat(log4j.canonicalId()).isEqualTo("CVE-2021-44228");
    assertThat(log4j.pkg().name()).isEqualTo("org.apache.logging.log4j:log4j-core");
    assertThat(log4j.pkg().ecosystem()).isEqualTo("maven");
    assertThat(log4j.pkg().kind()).isEqualTo(PackageKind.LIBRARY);
    assertThat(log4j.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(log4j.cvss())
        .containsExactly(
            new CvssScore("github", "3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0));
    assertThat(log4j.fixedVersions()).contains(List.of("2.15.0"));

    Finding kernel = findings.get(2);
    assertThat(kernel.pkg().kind()).isEqualTo(PackageKind.KERNEL);
    assertThat(kernel.pkg().ecosystem()).isEqualTo("debian");
    assertThat(kernel.fixedVersions()).as("wont-fix means no fix").contains(List.of());

    Finding unknownFix = findings.get(3);
    assertThat(unknownFix.fixedVersions()).as("state unknown").isEmpty();
    assertThat(unknownFix.severity()).isEqualTo(Severity.UNKNOWN);
  }

  @Test
  void fixtureWarnsAboutMatchWithoutId() throws IOException {
    CollectingSink sink = new CollectingSink();
    ParsedReport report = parser().parse(resource(fixture()), sink);
    assertThat(report.findings()).isEqualTo(4);
    assertThat(sink.warnings).hasSize(1);
    assertThat(sink.warnings.get(0))
        .startsWith("grype-image.json (line ")
        .contains("vulnerability.id");
  }

  @Test
  void readsDirectorySource() throws IOException {
    String json =
        """
        {"source": {"type": "directory", "target": "/srv/app"},
         "matches": [{"vulnerability": {"id": "GHSA-8v27-2fg9-7h62", "severity": "High",
           "fix": {"versions": [], "state": "not-fixed"}},
           "artifact": {"name": "static-eval", "version": "0.2.3", "type": "npm"}}]}
        """;
    List<Finding> findings = parse(bytes("dir.json", json.getBytes(StandardCharsets.UTF_8)));
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).target()).isEqualTo(Target.file("/srv/app"));
    assertThat(findings.get(0).scanner().name()).isEqualTo("grype");
    assertThat(findings.get(0).pkg().ecosystem()).isEqualTo("npm");
    assertThat(findings.get(0).fixedVersions()).contains(List.of());
  }

  @Test
  void excludesIgnoredMatches() throws IOException {
    String json =
        """
        {"matches": [],
         "ignoredMatches": [
           {"vulnerability": {"id": "CVE-2023-2650", "severity": "Medium"},
            "artifact": {"name": "libssl3", "version": "3.0.8-r0", "type": "apk"},
            "appliedIgnoreRules": [{"vulnerability": "CVE-2023-2650",
              "vex-status": "not_affected", "vex-justification": "vulnerable_code_not_present"}]},
           {"vulnerability": {"id": "CVE-2023-0464", "severity": "High"},
            "artifact": {"name": "libssl3", "version": "3.0.8-r0", "type": "apk"},
            "appliedIgnoreRules": [{"vulnerability": "CVE-2023-0464",
              "reason": "policy checks are off"}]}],
         "source": {"type": "image", "target": {"userInput": "alpine:3.17"}}}
        """;
    CollectingSink sink = new CollectingSink();
    ParsedReport report =
        parser().parse(bytes("ignored.json", json.getBytes(StandardCharsets.UTF_8)), sink);
    assertThat(report.findings()).isZero();
    assertThat(sink.excluded)
        .containsExactly(
            "CVE-2023-2650 not_affected vulnerable_code_not_present",
            "CVE-2023-0464 ignored policy checks are off");
  }

  @Test
  void rejectsObjectWithoutMatches() {
    ReportInput other = bytes("other.json", "{\"source\": {}}".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> parser().parse(other, new CollectingSink()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("other.json (line 1")
        .hasMessageContaining("no matches");
  }

  @Test
  void realReportsGiveKnownCounts() throws IOException {
    assertThat(parseReal("defectdojo__many_vulns2.json")).hasSize(1567);
    assertThat(parseReal("defectdojo__issue_9618.json")).hasSize(35);
    assertThat(parseReal("defectdojo__no_vuln.json")).isEmpty();
  }

  @Test
  void realReportKeepsGhsaWithCveAlias() throws IOException {
    List<Finding> findings = parseReal("defectdojo__check_all_fields.json");
    Finding ghsa =
        findings.stream()
            .filter(f -> f.vulnerabilityId().equals("GHSA-v6rh-hp5x-86rv"))
            .findFirst()
            .orElseThrow();
    assertThat(ghsa.aliases()).containsExactly("CVE-2021-44420");
    assertThat(ghsa.target()).isEqualTo(Target.image("vulnerable-image:latest"));
    assertThat(ghsa.scanner()).isEqualTo(new ScannerInfo("grype", "0.28.0"));
  }

  @Test
  void realDirectoryTargetLosesItsQuotes() throws IOException {
    List<Finding> findings = parseReal("defectdojo__many_vulns4.json");
    assertThat(findings).hasSize(9);
    assertThat(findings.get(0).target()).isEqualTo(Target.file("."));
    assertThat(findings.get(8).fixedVersions()).contains(List.of());
    assertThat(findings.get(0).fixedVersions()).isEmpty();
  }

  private List<Finding> parseReal(String name) throws IOException {
    return parse(FileReportInput.of(SharedData.file("grype", name)));
  }
}
