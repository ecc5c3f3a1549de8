package io.patchpipeline.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.core.Severity;
import io.patchpipeline.engine.testing.SharedData;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NessusParserTest extends AbstractParserTest {
  @Override
  protected ReportParser parser() {
    return new NessusParser();
  }

  @Override
  protected String fixture() {
    return "nessus-small.nessus";
  }

  @Override
  protected List<String> realReportFolders() {
    return List.of("nessus");
  }

  @Override
  protected void checkFixture(List<Finding> findings) {
    assertThat(findings)
        .extracting(Finding::vulnerabilityId)
        .containsExactly(
            "CVE-2021-3449", "CVE-2021-3450", "CVE-2021-23840", "NESSUS-70658", "CVE-2021-44228");

    Finding openssl = findings.get(1);
    assertThat(openssl.target()).isEqualTo(Target.host("web01.example.test", "10.0.0.5"));
    assertThat(openssl.severity()).isEqualTo(Severity.HIGH);
    assertThat(openssl.severitySource()).isEqualTo("nessus");
    assertThat(openssl.title()).isEqualTo("OpenSSL 1.1.1 < 1.1.1k Multiple Vulnerabilities");
    assertThat(openssl.published()).contains(LocalDate.of(2021, 3, 25));
    assertThat(openssl.pkg().kind()).isEqualTo(PackageKind.APPLICATION);
    assertThat(openssl.fixedVersions()).isEmpty();
    assertThat(openssl.scanner()).isEqualTo(new ScannerInfo("Nessus", ""));
    assertThat(openssl.report()).isEqualTo("nessus-small.nessus");
    assertThat(openssl.cvss())
        .containsExactly(
            new CvssScore("nessus", "2.0", "AV:N/AC:L/Au:N/C:N/I:N/A:P", 5.0),
            new CvssScore("nessus", "3.0", "CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N", 7.4));

    Finding ciphers = findings.get(3);
    assertThat(ciphers.cveIds()).isEmpty();
    assertThat(ciphers.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(ciphers.published()).isEqualTo(Optional.empty());

    Finding log4j = findings.get(4);
    assertThat(log4j.target()).isEqualTo(Target.host("", "10.0.0.9"));
    assertThat(log4j.target().name()).isEqualTo("10.0.0.9");
    assertThat(log4j.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(log4j.cvss()).extracting(CvssScore::version).containsExactly("4.0");
    assertThat(log4j.maxCvssScore()).isEqualTo(10.0);
  }

  @Test
  void emitsOneFindingPerCveOnRealScan() throws IOException {
    var file = SharedData.folder().resolve("nessus/defectdojo__nessus_with_cvssv3.nessus");
    CollectingSink sink = new CollectingSink();
    ParsedReport report = parser().parse(FileReportInput.of(file), sink);

    // Counted with xml.etree: 138 CVE elements on 41 items plus 8 non-informational items
    // without a CVE; the one host is testphp.vulnweb.com at 44.228.249.3.
    assertThat(report.findings()).isEqualTo(146);
    assertThat(sink.findings).filteredOn(f -> f.cveIds().isEmpty()).hasSize(8);
    assertThat(sink.findings).filteredOn(f -> f.severity() == Severity.CRITICAL).hasSize(2);
    assertThat(sink.findings)
        .extracting(Finding::target)
        .containsOnly(Target.host("testphp.vulnweb.com", "44.228.249.3"));
  }
}
