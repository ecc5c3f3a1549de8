package io.patchpipeline.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.core.Severity;
import io.patchpipeline.engine.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TenableCsvParserTest extends AbstractParserTest {
  @Override
  protected ReportParser parser() {
    return new TenableCsvParser();
  }

  @Override
  protected String fixture() {
    return "tenable-small.csv";
  }

  @Override
  protected List<String> realReportFolders() {
    return List.of("tenable-csv");
  }

  @Override
  protected void checkFixture(List<Finding> findings) {
    assertThat(findings)
        .extracting(Finding::vulnerabilityId)
        .containsExactly("CVE-2022-0778", "CVE-2022-1292", "NESSUS-57582");

    Finding openssl = findings.get(1);
    assertThat(openssl.target()).isEqualTo(Target.host("db01.example.test", "10.2.0.15"));
    assertThat(openssl.severity()).isEqualTo(Severity.HIGH);
    assertThat(openssl.severitySource()).isEqualTo("nessus");
    assertThat(openssl.title())
        .isEqualTo("Ubuntu 20.04 LTS : OpenSSL vulnerabilities (USN-5328-1)");
    assertThat(openssl.published()).contains(LocalDate.of(2022, 3, 15));
    assertThat(openssl.pkg()).isEqualTo(Fields.APPLICATION);
    assertThat(openssl.cvss())
        .containsExactly(
            new CvssScore("nessus", "2.0", "", 5.0), new CvssScore("nessus", "3.0", "", 7.5));

    Finding certificate = findings.get(2);
    assertThat(certificate.target()).isEqualTo(Target.host("", "10.2.0.16"));
    assertThat(certificate.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(certificate.published()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "defectdojo__tenable_many_vuln.csv, 20, ip-127-0-0-1.us-west-2.compute.internal, 127.0.0.1",
    "defectdojo__nessus_many_vuln2-default.csv, 2, '', 52.208.101.182",
    "defectdojo__issue_9612.csv, 3, ECODARCHDB, 2.3.4.5",
  })
  void readsRealExports(String name, int expected, String hostname, String ip) throws IOException {
    Path file = SharedData.folder().resolve("tenable-csv").resolve(name);
    List<Finding> findings = parse(FileReportInput.of(file));

    // Counted with the csv module: one finding per CVE per row, rows of risk None without CVE left
    // out, and the two empty rows at the end of the Tenable.io export ignored.
    assertThat(findings).hasSize(expected);
    assertThat(findings.get(0).target()).isEqualTo(Target.host(hostname, ip));
  }
}
