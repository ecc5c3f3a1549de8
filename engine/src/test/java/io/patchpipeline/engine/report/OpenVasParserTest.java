package io.patchpipeline.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.core.Severity;
import io.patchpipeline.engine.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpenVasParserTest extends AbstractParserTest {
  @Override
  protected ReportParser parser() {
    return new OpenVasParser();
  }

  @Override
  protected String fixture() {
    return "openvas-small.xml";
  }

  @Override
  protected List<String> realReportFolders() {
    return List.of("openvas");
  }

  @Override
  protected boolean isRealReport(Path file) {
    return file.getFileName().toString().endsWith(".xml");
  }

  @Override
  protected void checkFixture(List<Finding> findings) {
    assertThat(findings)
        .extracting(Finding::vulnerabilityId)
        .containsExactly(
            "CVE-2023-4573",
            "CVE-2023-4574",
            "CVE-2016-2183",
            "CVE-2016-6329",
            "OPENVAS-1.3.6.1.4.1.25623.1.0.108440");

    Finding firefox = findings.get(0);
    assertThat(firefox.target()).isEqualTo(Target.host("ws20.example.test", "10.1.0.20"));
    assertThat(firefox.title())
        .isEqualTo("Mozilla Firefox Security Update (mfsa_2023-34) - Windows");
    assertThat(firefox.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(firefox.severitySource()).isEqualTo("openvas");
    assertThat(firefox.pkg())
        .isEqualTo(new PackageRef("", "", "", "116.0.3", PackageKind.APPLICATION));
    assertThat(firefox.fixedVersions()).contains(List.of("117"));
    assertThat(firefox.cvss())
        .containsExactly(
            new CvssScore("openvas", "3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8));

    Finding ciphers = findings.get(2);
    assertThat(ciphers.target()).isEqualTo(Target.host("", "10.1.0.21"));
    assertThat(ciphers.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(ciphers.fixedVersions()).isEqualTo(Optional.empty());
    assertThat(ciphers.pkg()).isEqualTo(Fields.APPLICATION);
    assertThat(ciphers.cvss())
        .containsExactly(new CvssScore("openvas", "2.0", "AV:N/AC:L/Au:N/C:P/I:N/A:N", 5.0));

    Finding cleartext = findings.get(4);
    assertThat(cleartext.cveIds()).isEmpty();
    assertThat(cleartext.fixedVersions()).contains(List.of());
  }

  @Test
  void readsRealGreenboneReport() throws IOException {
    Path file = SharedData.folder().resolve("openvas/defectdojo__many_vuln.xml");
    CollectingSink sink = new CollectingSink();
    ParsedReport report = parser().parse(FileReportInput.of(file), sink);

    // Counted with xml.etree: 44 results, 23 with CVE references; one finding per distinct CVE,
    // one per result without a CVE, and no log results to skip.
    assertThat(report.findings()).isEqualTo(76);
    assertThat(sink.findings)
        .extracting(Finding::target)
        .containsOnly(Target.host("b6b9f466d63", "192.168.1.1001"));
  }
}
