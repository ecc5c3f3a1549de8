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
import org.junit.jupiter.api.Test;

class DependencyCheckJsonParserTest extends AbstractParserTest {
  @Override
  protected ReportParser parser() {
    return new DependencyCheckJsonParser();
  }

  @Override
  protected String fixture() {
    return "dependency-check.json";
  }

  @Override
  protected List<String> realReportFolders() {
    return List.of("dependency-check");
  }

  /** The folder also contains Dependency-Check XML reports, which another parser reads. */
  @Override
  protected boolean isRealReport(Path file) {
    return file.getFileName().toString().endsWith(".json");
  }

  @Override
  protected void checkFixture(List<Finding> findings) {
    assertThat(findings)
        .extracting(Finding::vulnerabilityId)
        .containsExactly("CVE-2021-44228", "CVE-2021-45105", "GHSA-xvch-5gv4-984h");
    assertThat(findings)
        .allSatisfy(
            finding ->
                assertThat(finding.scanner())
                    .isEqualTo(new ScannerInfo("dependency-check", "8.4.3")));

    Finding log4shell = findings.get(0);
    assertThat(log4shell.aliases()).containsExactly("GHSA-jfh8-c2jp-5v3q");
    assertThat(log4shell.target()).isEqualTo(Target.file("/srv/shop/lib/log4j-core-2.14.1.jar"));
    assertThat(log4shell.pkg())
        .isEqualTo(
            new PackageRef(
                "org.apache.logging.log4j:log4j-core",
                "maven",
                "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
                "2.14.1",
                PackageKind.LIBRARY));
    assertThat(log4shell.fixedVersions()).as("the matched range's end").contains(List.of("2.15.0"));
    assertThat(log4shell.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(log4shell.severitySource()).isEqualTo("nvd");
    assertThat(log4shell.cvss())
        .containsExactly(
            new CvssScore("nvd", "2.0", "", 9.3), new CvssScore("nvd", "3.1", "", 10.0));
    assertThat(log4shell.title()).startsWith("Apache Log4j2 JNDI features");

    Finding recursion = findings.get(1);
    assertThat(recursion.severity())
        .as("the unscored severity comes first")
        .isEqualTo(Severity.MEDIUM);
    assertThat(recursion.severitySource()).isEqualTo("ossindex");
    assertThat(recursion.fixedVersions()).isEmpty();

    Finding minimist = findings.get(2);
    assertThat(minimist.aliases()).containsExactly("CVE-2021-44906");
    assertThat(minimist.pkg())
        .as("from the CPE when there is no package URL")
        .isEqualTo(new PackageRef("minimist", "", "", "1.2.0", PackageKind.LIBRARY));
    assertThat(minimist.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(minimist.cvss()).isEmpty();
  }

  @Test
  void fixtureReportsSuppressionAndWarning() throws IOException {
    CollectingSink sink = new CollectingSink();
    ParsedReport report = parser().parse(resource(fixture()), sink);
    assertThat(report.findings()).isEqualTo(3);
    assertThat(sink.excluded)
        .containsExactly("CVE-2021-44832 suppressed The JDBC appender is not configured.");
    assertThat(sink.warnings).hasSize(1);
    assertThat(sink.warnings.get(0))
        .startsWith("dependency-check.json (line ")
        .contains("without name");
  }

  @Test
  void readsScanInfoWrittenAfterDependencies() throws IOException {
    String json =
        """
        {"dependencies": [{"fileName": "a.jar", "vulnerabilities": [{"name": "CVE-2022-42889",
           "source": "NVD", "cvssv3": {"baseScore": 9.8, "baseSeverity": "CRITICAL",
           "version": "3.1", "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}}]}],
         "scanInfo": {"engineVersion": "10.0.4"}, "reportSchema": "1.1"}
        """;
    List<Finding> findings = parse(bytes("late.json", json.getBytes(StandardCharsets.UTF_8)));
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).scanner().version()).isEqualTo("10.0.4");
    assertThat(findings.get(0).target()).isEqualTo(Target.file("a.jar"));
    assertThat(findings.get(0).severity()).isEqualTo(Severity.CRITICAL);
    assertThat(findings.get(0).cvss())
        .containsExactly(
            new CvssScore("nvd", "3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8));
  }

  @Test
  void rejectsObjectWithoutScanInfo() {
    ReportInput other = bytes("other.json", "{\"matches\": []}".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> parser().parse(other, new CollectingSink()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("other.json (line 1")
        .hasMessageContaining("no scanInfo");
  }

  @Test
  void realReportWithoutVulnerabilitiesHasNoFindings() throws IOException {
    CollectingSink sink = new CollectingSink();
    ParsedReport report =
        parser()
            .parse(
                FileReportInput.of(
                    SharedData.file(
                        "dependency-check", "juice-shop-fork__dependency-check-report.json")),
                sink);
    assertThat(report.findings()).isZero();
    assertThat(report.scanner()).isEqualTo(new ScannerInfo("dependency-check", "7.1.1"));
    assertThat(sink.warnings).isEmpty();
  }
}
