package io.patchpipeline.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.core.Severity;
import io.patchpipeline.engine.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualysParserTest extends AbstractParserTest {
  @Override
  protected ReportParser parser() {
    return new QualysParser();
  }

  @Override
  protected String fixture() {
    return "qualys-asset-data.xml";
  }

  @Override
  protected List<String> realReportFolders() {
    return List.of("qualys");
  }

  @Override
  protected boolean isRealReport(Path file) {
    return file.getFileName().toString().endsWith(".xml");
  }

  @Override
  protected void checkFixture(List<Finding> findings) {
    assertThat(findings)
        .extracting(Finding::vulnerabilityId, f -> f.target().name())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("CVE-2022-0778", "app01.example.test"),
            org.assertj.core.groups.Tuple.tuple("CVE-2022-1292", "app01.example.test"),
            org.assertj.core.groups.Tuple.tuple("QUALYS-38173", "app01.example.test"),
            org.assertj.core.groups.Tuple.tuple("CVE-2022-0778", "192.0.2.11"),
            org.assertj.core.groups.Tuple.tuple("CVE-2022-1292", "192.0.2.11"));

    Finding openssl = findings.get(0);
    assertThat(openssl.target()).isEqualTo(Target.host("app01.example.test", "192.0.2.10"));
    assertThat(openssl.title()).isEqualTo("Red Hat Update for openssl (RHSA-2022:5818)");
    assertThat(openssl.severity()).isEqualTo(Severity.HIGH);
    assertThat(openssl.severitySource()).isEqualTo("qualys");
    assertThat(openssl.scanner().name()).isEqualTo("Qualys");
    assertThat(openssl.pkg().kind()).isEqualTo(PackageKind.APPLICATION);
    assertThat(openssl.cvss())
        .containsExactly(
            new CvssScore("qualys", "2.0", "AV:N/AC:L/Au:N/C:N/I:N/A:P", 5.0),
            new CvssScore("qualys", "3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", 7.5));

    Finding practice = findings.get(2);
    assertThat(practice.severity()).isEqualTo(Severity.LOW);
    assertThat(practice.cvss()).containsExactly(new CvssScore("qualys", "2.0", "", 9.4));
    assertThat(findings.get(3).target()).isEqualTo(Target.host("", "192.0.2.11"));
  }

  @Test
  void readsScanReportLayout() throws IOException {
    CollectingSink sink = new CollectingSink();
    ParsedReport report = parser().parse(resource("qualys-scan.xml"), sink);

    assertThat(report.findings()).isEqualTo(3);
    assertThat(ReportReader.withAllFormats().detect(resource("qualys-scan.xml")).format())
        .isEqualTo("qualys");
    Finding smb = sink.findings.get(0);
    assertThat(smb.vulnerabilityId()).isEqualTo("CVE-2020-0796");
    assertThat(smb.target()).isEqualTo(Target.host("mail.example.test", "198.51.100.7"));
    assertThat(smb.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(smb.maxCvssScore()).isEqualTo(10.0);
    assertThat(sink.findings.get(1).vulnerabilityId()).isEqualTo("CVE-2023-50387");
    assertThat(sink.findings.get(1).severity()).isEqualTo(Severity.MEDIUM);
    assertThat(sink.findings.get(2).vulnerabilityId()).isEqualTo("QUALYS-38173");
  }

  @Test
  void readsRealAssetDataReport() throws IOException {
    Path file = SharedData.folder().resolve("qualys/defectdojo__Qualys_Sample_Report.xml");
    CollectingSink sink = new CollectingSink();
    ParsedReport report = parser().parse(FileReportInput.of(file), sink);

    // Counted with xml.etree: detections of 7 hosts joined with the 93 glossary entries, one per
    // CVE, information-gathered detections without a CVE left out.
    assertThat(report.findings()).isEqualTo(145);
    assertThat(sink.warnings).isEmpty();
    assertThat(sink.findings).filteredOn(f -> f.severity() == Severity.CRITICAL).hasSize(19);
    assertThat(sink.findings).filteredOn(f -> f.severity() == Severity.HIGH).hasSize(18);
    assertThat(sink.findings).filteredOn(f -> f.severity() == Severity.MEDIUM).hasSize(57);
    assertThat(sink.findings).filteredOn(f -> f.severity() == Severity.LOW).hasSize(51);
    assertThat(sink.findings.stream().map(f -> f.target().name()).distinct())
        .hasSize(7)
        .contains("demo13.s02.sjc01.qualys.com", "trn-win2012-dc.trn.qualys.com");
  }
}
