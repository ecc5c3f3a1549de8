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

class CycloneDxParserTest extends AbstractParserTest {
  @Override
  protected ReportParser parser() {
    return new CycloneDxParser();
  }

  @Override
  protected String fixture() {
    return "cyclonedx-vex.json";
  }

  @Override
  protected List<String> realReportFolders() {
    return List.of("cyclonedx");
  }

  @Override
  protected void checkFixture(List<Finding> findings) {
    assertThat(findings)
        .extracting(Finding::vulnerabilityId)
        .containsExactly(
            "CVE-2021-44228",
            "CVE-2021-44228",
            "GHSA-9v7m-2x5q-q6cr",
            "CVE-2024-21538",
            "CVE-2020-11896");
    Target image = Target.image("registry.example.com/shop/web:1.4.2");
    assertThat(findings).allSatisfy(finding -> assertThat(finding.target()).isEqualTo(image));
    assertThat(findings)
        .allSatisfy(
            finding -> assertThat(finding.scanner()).isEqualTo(new ScannerInfo("trivy", "0.58.1")));

    Finding log4j = findings.get(0);
    assertThat(log4j.aliases()).containsExactly("GHSA-jfh8-c2jp-5v3q");
    assertThat(log4j.pkg())
        .isEqualTo(
            new PackageRef(
                "org.apache.logging.log4j:log4j-core",
                "maven",
                "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
                "2.14.1",
                PackageKind.LIBRARY));
    assertThat(log4j.fixedVersions()).isEmpty();
    assertThat(log4j.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(log4j.severitySource()).isEqualTo("NVD");
    assertThat(log4j.cvss())
        .containsExactly(
            new CvssScore("NVD", "3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0),
            new CvssScore("redhat", "3.1", "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:H/A:H", 9.0));
    assertThat(log4j.title())
        .isEqualTo("Apache Log4j2 JNDI features do not protect against attacker controlled LDAP.");
    assertThat(log4j.published()).hasValueSatisfying(d -> assertThat(d).hasToString("2021-12-10"));

    Finding agent = findings.get(1);
    assertThat(agent.pkg())
        .isEqualTo(new PackageRef("backup-agent", "", "", "7.1", PackageKind.APPLICATION));

    Finding nested = findings.get(2);
    assertThat(nested.aliases()).containsExactly("CVE-2023-5678");
    assertThat(nested.pkg().name()).as("nested component").isEqualTo("libssl3");
    assertThat(nested.pkg().installedVersion()).isEqualTo("3.0.11-1~deb12u1");
    assertThat(nested.pkg().kind()).isEqualTo(PackageKind.OS);
    assertThat(nested.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(nested.severitySource()).isEqualTo("ghsa");
    assertThat(nested.cvss()).isEmpty();

    Finding outside = findings.get(3);
    assertThat(outside.pkg())
        .as("a ref that is no component is read as a package URL")
        .isEqualTo(
            new PackageRef(
                "@acme/widgets",
                "npm",
                "pkg:npm/%40acme/widgets@1.2.0",
                "1.2.0",
                PackageKind.LIBRARY));
    assertThat(outside.severity()).as("from the score").isEqualTo(Severity.HIGH);
    assertThat(outside.severitySource()).isEqualTo("github");
    assertThat(outside.cvss()).extracting(CvssScore::version).containsExactly("4.0");

    Finding product = findings.get(4);
    assertThat(product.pkg().name()).isEqualTo("product-ABC");
    assertThat(product.severity()).isEqualTo(Severity.UNKNOWN);
  }

  @Test
  void fixtureExcludesVexStatements() throws IOException {
    CollectingSink sink = new CollectingSink();
    ParsedReport report = parser().parse(resource(fixture()), sink);
    assertThat(report.findings()).isEqualTo(5);
    assertThat(sink.excluded)
        .containsExactly(
            "CVE-2023-2650 not_affected code_not_reachable",
            "CVE-2023-0464 false_positive The scanner matched the wrong product.");
    assertThat(sink.warnings).hasSize(1);
    assertThat(sink.warnings.get(0)).startsWith("cyclonedx-vex.json (line ").contains("without id");
  }

  @Test
  void readsComponentsWrittenAfterVulnerabilities() throws IOException {
    String json =
        """
        {"vulnerabilities": [{"id": "CVE-2022-42889", "affects": [{"ref": "text"}]}],
         "components": [{"bom-ref": "text", "name": "commons-text", "version": "1.9",
           "purl": "pkg:maven/org.apache.commons/commons-text@1.9"}],
         "metadata": {"component": {"type": "file", "name": "app.jar"}},
         "bomFormat": "CycloneDX", "specVersion": "1.6"}
        """;
    List<Finding> findings = parse(bytes("late.json", json.getBytes(StandardCharsets.UTF_8)));
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).pkg().name()).isEqualTo("org.apache.commons:commons-text");
    assertThat(findings.get(0).target()).isEqualTo(Target.file("app.jar"));
  }

  @Test
  void rejectsOtherBomFormat() {
    ReportInput spdx =
        bytes("spdx.json", "{\"bomFormat\": \"SPDX\"}".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> parser().parse(spdx, new CollectingSink()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("spdx.json (line 1")
        .hasMessageContaining("found \"SPDX\"");
  }

  @Test
  void rejectsObjectWithoutBomFormat() {
    ReportInput other = bytes("other.json", "{\"matches\": []}".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> parser().parse(other, new CollectingSink()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("bomFormat is missing");
  }

  @Test
  void realVexUseCaseSplitsExcludedAndAffected() throws IOException {
    CollectingSink sink = new CollectingSink();
    parser()
        .parse(
            FileReportInput.of(SharedData.file("cyclonedx", "cdx-bom-examples__Case-8_vex.json")),
            sink);
    assertThat(sink.findings).hasSize(6);
    assertThat(sink.excluded).hasSize(5);
    assertThat(sink.findings.get(0).pkg().name()).isEqualTo("product-ABC");
    assertThat(sink.findings.get(0).target().kind()).isEqualTo(TargetKind.UNKNOWN);
    assertThat(sink.excluded.get(0)).isEqualTo("CVE-2021-44228 not_affected code_not_present");
  }

  @Test
  void realVexWithOnlyExclusionsHasNoFindings() throws IOException {
    CollectingSink sink = new CollectingSink();
    parser()
        .parse(
            FileReportInput.of(SharedData.file("cyclonedx", "cdx-bom-examples__Case-2_vex.json")),
            sink);
    assertThat(sink.findings).isEmpty();
    assertThat(sink.excluded).hasSize(19);
  }

  @Test
  void realGrypeBomKeepsGhsaAndRatings() throws IOException {
    List<Finding> findings =
        parse(FileReportInput.of(SharedData.file("cyclonedx", "defectdojo__log4j.json")));
    assertThat(findings).hasSize(8);
    assertThat(findings.get(0).scanner()).isEqualTo(new ScannerInfo("grype", "0.41.0"));
    assertThat(findings.get(0).severity()).isEqualTo(Severity.CRITICAL);
    assertThat(findings.get(0).maxCvssScore()).isEqualTo(10.0);
    assertThat(findings)
        .extracting(Finding::vulnerabilityId)
        .anyMatch(id -> id.startsWith("GHSA-"));
  }

  @Test
  void realTrivyBomFallsBackToNvd() throws IOException {
    List<Finding> findings =
        parse(
            FileReportInput.of(
                SharedData.file(
                    "cyclonedx",
                    "trivy-golden__fluentd-multiple-lockfiles-short.cdx.json.golden")));
    assertThat(findings).hasSize(3);
    Finding idn = findings.get(0);
    assertThat(idn.vulnerabilityId()).isEqualTo("CVE-2019-18224");
    assertThat(idn.severitySource()).as("no debian rating, so NVD's counts").isEqualTo("nvd");
    assertThat(idn.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(idn.pkg().name()).isEqualTo("libidn2-0");
    assertThat(idn.target().kind()).isEqualTo(TargetKind.IMAGE);
  }
}
