package io.patchpipeline.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.core.Severity;
import io.patchpipeline.engine.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualysCsvParserTest extends AbstractParserTest {
  @Override
  protected ReportParser parser() {
    return new QualysCsvParser();
  }

  @Override
  protected String fixture() {
    return "qualys-small.csv";
  }

  @Override
  protected List<String> realReportFolders() {
    return List.of("qualys");
  }

  @Override
  protected boolean isRealReport(Path file) {
    return file.getFileName().toString().endsWith(".csv");
  }

  @Override
  protected void checkFixture(List<Finding> findings) {
    assertThat(findings)
        .extracting(Finding::vulnerabilityId)
        .containsExactly("CVE-2024-3094", "QUALYS-38173");

    Finding xz = findings.get(0);
    assertThat(xz.target()).isEqualTo(Target.host("build01", "10.3.0.5"));
    assertThat(xz.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(xz.severitySource()).isEqualTo("qualys");
    assertThat(xz.title()).isEqualTo("XZ Utils Backdoor");
    assertThat(xz.published()).contains(LocalDate.of(2024, 3, 29));
    assertThat(xz.cvss()).containsExactly(new CvssScore("nvd", "3.1", "", 10.0));
    assertThat(xz.scanner().name()).isEqualTo("Qualys");

    Finding certificate = findings.get(1);
    assertThat(certificate.target()).isEqualTo(Target.host("", "2001:db8::7"));
    assertThat(certificate.severity()).isEqualTo(Severity.LOW);
    assertThat(certificate.published()).isEmpty();
  }

  @Test
  void sendsFixedDetectionToExcluded() throws IOException {
    CollectingSink sink = new CollectingSink();
    ParsedReport report = parser().parse(resource(fixture()), sink);

    assertThat(report.findings()).isEqualTo(2);
    assertThat(sink.excluded)
        .containsExactly("CVE-2023-38545 fixed Qualys reports the detection as FIXED");
  }

  @Test
  void readsRealVmdrExport() throws IOException {
    Path file = SharedData.folder().resolve("qualys/defectdojo__many_vulns_cve.csv");
    CollectingSink sink = new CollectingSink();
    ParsedReport report = parser().parse(FileReportInput.of(file), sink);

    // Counted with the csv module: 5 rows below a 3-row title block, one of them FIXED.
    assertThat(report.findings()).isEqualTo(4);
    assertThat(sink.excluded)
        .containsExactly("CVE-2023-0003 fixed Qualys reports the detection as FIXED");
    assertThat(sink.findings)
        .extracting(f -> f.target().name())
        .containsExactly("SERVER01", "SERVER02", "WORKSTATION01", "APPSERVER01");
    assertThat(sink.findings.get(2).target().ip()).isEqualTo("192.168.1.100");
    assertThat(sink.findings.get(3).target().ip()).isEqualTo("2001:db8::100");
    assertThat(sink.findings)
        .extracting(Finding::severity)
        .containsExactly(Severity.LOW, Severity.LOW, Severity.HIGH, Severity.CRITICAL);
  }
}
