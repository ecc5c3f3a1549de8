package io.patchpipeline.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Severity;
import io.patchpipeline.engine.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SarifParserTest extends AbstractParserTest {
  @Override
  protected ReportParser parser() {
    return new SarifParser();
  }

  @Override
  protected String fixture() {
    return "sarif-small.sarif";
  }

  @Override
  protected List<String> realReportFolders() {
    return List.of("sarif");
  }

  @Override
  protected void checkFixture(List<Finding> findings) {
    assertThat(findings)
        .extracting(Finding::vulnerabilityId)
        .containsExactly(
            "CVE-2023-5363",
            "CVE-2024-0727",
            "TEMP-0841856-B18BAF",
            "SNYK-JAVA-COMMONSFILEUPLOAD-30082");

    Finding libssl = findings.get(0);
    Target image = Target.image("registry.example.test/shop/api:1.4.2");
    assertThat(libssl.target()).isEqualTo(image);
    assertThat(libssl.pkg())
        .isEqualTo(new PackageRef("libssl3", "", "", "3.1.3-r0", PackageKind.OS));
    assertThat(libssl.fixedVersions()).contains(List.of("3.1.4-r0", "3.2.0-r0"));
    assertThat(libssl.severity()).isEqualTo(Severity.HIGH);
    assertThat(libssl.severitySource()).isEqualTo("trivy");
    assertThat(libssl.scanner()).isEqualTo(new ScannerInfo("Trivy", "0.50.1"));
    assertThat(libssl.title()).isEqualTo("openssl: Incorrect cipher key and IV length processing");
    assertThat(libssl.cvss())
        .containsExactly(
            new CvssScore("sarif", "3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5));

    Finding inherited = findings.get(1);
    assertThat(inherited.severity()).as("level inherited from the rule").isEqualTo(Severity.LOW);
    assertThat(inherited.fixedVersions()).as("empty Fixed Version line").contains(List.of());
    assertThat(inherited.target()).isEqualTo(image);
    assertThat(inherited.cvss()).isEmpty();

    Finding noRule = findings.get(2);
    assertThat(noRule.severity()).as("SARIF default level warning").isEqualTo(Severity.MEDIUM);
    assertThat(noRule.fixedVersions()).isEqualTo(Optional.empty());
    assertThat(noRule.pkg().name()).isEqualTo("bash");

    Finding snyk = findings.get(3);
    assertThat(snyk.aliases()).containsExactly("CVE-2016-3092");
    assertThat(snyk.cveIds()).containsExactly("CVE-2016-3092");
    assertThat(snyk.pkg())
        .isEqualTo(
            new PackageRef(
                "commons-fileupload:commons-fileupload",
                "maven",
                "",
                "1.3.1",
                PackageKind.LIBRARY));
    assertThat(snyk.fixedVersions()).contains(List.of("1.3.2"));
    assertThat(snyk.target()).isEqualTo(Target.file("pom.xml"));
    assertThat(snyk.severity()).isEqualTo(Severity.HIGH);
    assertThat(snyk.scanner()).isEqualTo(new ScannerInfo("Snyk Open Source", "1.1200.0"));
  }

  @Test
  void rejectsJsonWithoutRuns() {
    byte[] json = "{\"version\": \"2.1.0\", \"results\": []}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> parse(bytes("partial.sarif", json)))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("partial.sarif (line 1, column")
        .hasMessageContaining("no \"runs\" array");
  }

  @Test
  void readsRealTrivyAndSnykLogs() throws IOException {
    Path folder = SharedData.folder().resolve("sarif");

    // Counted with the json module: the number of results of every run.
    List<Finding> trivy =
        parse(FileReportInput.of(folder.resolve("trivy-golden__alpine-310.sarif.golden")));
    assertThat(trivy).hasSize(4);
    assertThat(trivy)
        .extracting(Finding::target)
        .containsOnly(Target.image("testdata/fixtures/images/alpine-310.tar.gz"));
    assertThat(trivy.get(0).pkg())
        .isEqualTo(new PackageRef("libcrypto1.1", "", "", "1.1.1c-r0", PackageKind.OS));
    assertThat(trivy.get(0).fixedVersions()).contains(List.of("1.1.1d-r0"));

    List<Finding> old =
        parse(FileReportInput.of(folder.resolve("trivy-sarif-demo__debug-trivy-results.sarif")));
    assertThat(old).hasSize(124);
    assertThat(old.get(0).vulnerabilityId()).isEqualTo("CVE-2018-14618");
    assertThat(old.get(0).pkg())
        .isEqualTo(new PackageRef("curl", "", "", "7.61.0-r0", PackageKind.OS));
    assertThat(old.get(0).target()).isEqualTo(Target.image("knqyf263/vuln-image"));
    assertThat(old.get(0).severity()).isEqualTo(Severity.HIGH);
    // Result 64 names rule CVE-2019-11358/jquery but its ruleIndex points at the curl rule.
    assertThat(old.get(64).vulnerabilityId()).isEqualTo("CVE-2019-11358");
    assertThat(old.get(64).pkg().name()).isEqualTo("jquery");
    assertThat(old)
        .filteredOn(f -> f.pkg().name().equals("curl"))
        .allSatisfy(f -> assertThat(f.fixedVersions()).isNotEqualTo(java.util.Optional.empty()));

    List<Finding> snyk =
        parse(FileReportInput.of(folder.resolve("snyk-fixtures-maven-with-vulns__snyk.sarif")));
    assertThat(snyk).hasSize(41);
    assertThat(snyk).filteredOn(f -> f.cveIds().isEmpty()).hasSize(1);

    List<Finding> dependencyCheck =
        parse(FileReportInput.of(folder.resolve("defectdojo__dependency_check.sarif")));
    assertThat(dependencyCheck).hasSize(13);
    assertThat(dependencyCheck.get(0).severity())
        .as("properties.severity low")
        .isEqualTo(Severity.LOW);
    assertThat(dependencyCheck.get(0).target().name()).startsWith("/src/.venv/lib/python3.9/");
  }
}
