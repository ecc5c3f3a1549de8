package io.patchpipeline.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.core.Severity;
import io.patchpipeline.engine.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenVasCsvParserTest extends AbstractParserTest {
  @Override
  protected ReportParser parser() {
    return new OpenVasCsvParser();
  }

  @Override
  protected String fixture() {
    return "openvas-small.csv";
  }

  @Override
  protected List<String> realReportFolders() {
    return List.of("openvas");
  }

  @Override
  protected boolean isRealReport(Path file) {
    return file.getFileName().toString().endsWith(".csv");
  }

  @Override
  protected void checkFixture(List<Finding> findings) {
    assertThat(findings)
        .extracting(Finding::vulnerabilityId)
        .containsExactly(
            "CVE-2021-26691",
            "CVE-2016-2183",
            "CVE-2016-6329",
            "OPENVAS-1.3.6.1.4.1.25623.1.0.151367");

    Finding apache = findings.get(0);
    assertThat(apache.target()).isEqualTo(Target.host("", "198.51.100.20"));
    assertThat(apache.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(apache.severitySource()).isEqualTo("openvas");
    assertThat(apache.pkg())
        .isEqualTo(new PackageRef("http_server", "", "", "2.4.7", PackageKind.APPLICATION));
    assertThat(apache.cvss()).containsExactly(new CvssScore("openvas", "", "", 9.8));
    assertThat(apache.fixedVersions()).isEmpty();

    Finding cipher = findings.get(1);
    assertThat(cipher.target()).isEqualTo(Target.host("www.example.test", "198.51.100.21"));
    assertThat(cipher.title()).isEqualTo("SSL/TLS: Report Vulnerable Cipher Suites for HTTPS");
    assertThat(cipher.severity()).isEqualTo(Severity.MEDIUM);

    Finding openssh = findings.get(3);
    assertThat(openssh.cveIds()).isEmpty();
    assertThat(openssh.pkg().installedVersion()).isEqualTo("8.4p1");
    assertThat(openssh.fixedVersions()).contains(List.of("9.6"));
  }

  @Test
  void readsRealCveScannerExport() throws IOException {
    Path file = SharedData.folder().resolve("openvas/defectdojo__report_using_CVE.csv");
    List<Finding> findings = parse(FileReportInput.of(file));

    // Counted with the csv module: 43 rows of the CVE scanner, each naming its CVE in NVT OID.
    assertThat(findings).hasSize(43);
    assertThat(findings).extracting(Finding::target).containsOnly(Target.host("", "45.33.32.156"));
    assertThat(findings.get(0).vulnerabilityId()).isEqualTo("CVE-2021-26690");
    assertThat(findings.get(0).pkg().installedVersion()).isEqualTo("2.4.7");
    assertThat(findings).filteredOn(f -> f.severity() == Severity.CRITICAL).isNotEmpty();
  }
}
