package io.patchpipeline.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Severity;
import io.patchpipeline.engine.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OsvScannerParserTest extends AbstractParserTest {
  @Override
  protected ReportParser parser() {
    return new OsvScannerParser();
  }

  @Override
  protected String fixture() {
    return "osv-scanner.json";
  }

  @Override
  protected List<String> realReportFolders() {
    return List.of("osv-scanner");
  }

  /** The folder also contains an empty file, which {@link #rejectsRealEmptyReport} covers. */
  @Override
  protected boolean isRealReport(Path file) {
    try {
      return Files.size(file) > 0;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  protected void checkFixture(List<Finding> findings) {
    assertThat(findings)
        .extracting(Finding::vulnerabilityId)
        .containsExactly(
            "GHSA-35jh-r3h4-6jhm", "GHSA-wcg3-cvx6-7396", "GO-2022-1144", "CVE-2024-26581");
    assertThat(findings)
        .allSatisfy(
            finding -> assertThat(finding.scanner()).isEqualTo(new ScannerInfo("osv-scanner", "")));

    Finding lodash = findings.get(0);
    assertThat(lodash.aliases()).containsExactly("CVE-2021-23337");
    assertThat(lodash.target()).isEqualTo(Target.file("/srv/shop/package-lock.json"));
    assertThat(lodash.pkg())
        .isEqualTo(new PackageRef("lodash", "npm", "", "4.17.20", PackageKind.LIBRARY));
    assertThat(lodash.fixedVersions()).contains(List.of("4.17.21"));
    assertThat(lodash.severity()).isEqualTo(Severity.HIGH);
    assertThat(lodash.severitySource()).isEqualTo("ghsa");
    assertThat(lodash.cvss())
        .containsExactly(
            new CvssScore("ghsa", "3.1", "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H", 7.2));
    assertThat(lodash.title()).isEqualTo("Command Injection in lodash");
    assertThat(lodash.published()).hasValueSatisfying(d -> assertThat(d).hasToString("2021-05-06"));

    Finding time = findings.get(1);
    assertThat(time.aliases())
        .as("one finding for the group, with the other record as an alias")
        .containsExactly("CVE-2020-26235", "RUSTSEC-2020-0071");
    assertThat(time.target()).isEqualTo(Target.file("/srv/shop/Cargo.lock"));
    assertThat(time.pkg().ecosystem()).isEqualTo("cargo");
    assertThat(time.fixedVersions()).as("GIT commits are not versions").contains(List.of("0.2.23"));
    assertThat(time.severity()).as("from the group's max_severity").isEqualTo(Severity.MEDIUM);
    assertThat(time.severitySource()).isEqualTo("cvss");
    assertThat(time.cvss())
        .containsExactly(
            new CvssScore("ghsa", "3.1", "CVSS:3.1/AV:L/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:H", 5.1));

    Finding net = findings.get(2);
    assertThat(net.aliases()).containsExactly("CVE-2022-41717", "GHSA-xrjj-mj9h-534m");
    assertThat(net.pkg().ecosystem()).isEqualTo("go");
    assertThat(net.fixedVersions()).as("a range without a fix").contains(List.of());
    assertThat(net.severity()).isEqualTo(Severity.UNKNOWN);
    assertThat(net.cvss()).hasSize(1);
    assertThat(net.cvss().get(0).version()).isEqualTo("4.0");
    assertThat(net.cvss().get(0).hasScore()).isFalse();

    Finding kernel = findings.get(3);
    assertThat(kernel.pkg().kind()).isEqualTo(PackageKind.KERNEL);
    assertThat(kernel.pkg().ecosystem()).isEqualTo("debian");
    assertThat(kernel.fixedVersions()).as("only listed versions: the fix is unknown").isEmpty();
    assertThat(kernel.target()).isEqualTo(Target.file("/var/lib/dpkg/status"));
  }

  @Test
  void fixtureWarnsAboutRecordWithoutId() throws IOException {
    CollectingSink sink = new CollectingSink();
    ParsedReport report = parser().parse(resource(fixture()), sink);
    assertThat(report.findings()).isEqualTo(4);
    assertThat(sink.warnings).hasSize(1);
    assertThat(sink.warnings.get(0)).startsWith("osv-scanner.json (line ").contains("without id");
  }

  @Test
  void readsPackagesWrittenBeforeSource() throws IOException {
    String json =
        """
        {"results": [{"packages": [{"package": {"name": "regex", "version": "1.5.4",
            "ecosystem": "crates.io"},
          "vulnerabilities": [{"id": "RUSTSEC-2022-0013", "aliases": ["CVE-2022-24713"]}]}],
          "source": {"path": "/src/Cargo.lock", "type": "lockfile"}}]}
        """;
    List<Finding> findings = parse(bytes("late.json", json.getBytes(StandardCharsets.UTF_8)));
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).target()).isEqualTo(Target.file("/src/Cargo.lock"));
    assertThat(findings.get(0).aliases()).containsExactly("CVE-2022-24713");
  }

  @Test
  void rejectsObjectWithoutResults() {
    ReportInput other = bytes("other.json", "{\"runs\": []}".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> parser().parse(other, new CollectingSink()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("other.json (line 1")
        .hasMessageContaining("no results");
  }

  @Test
  void rejectsRealEmptyReport() {
    Path empty = SharedData.file("osv-scanner", "defectdojo__no_findings.json");
    assertThatThrownBy(() -> parser().parse(FileReportInput.of(empty), new CollectingSink()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("defectdojo__no_findings.json (line 1)")
        .hasMessageContaining("empty");
  }

  @Test
  void realReportsGroupAliases() throws IOException {
    List<Finding> input =
        parse(FileReportInput.of(SharedData.file("osv-scanner", "osv-scanner__input.json")));
    assertThat(input).hasSize(11);
    List<Finding> results =
        parse(
            FileReportInput.of(
                SharedData.file("osv-scanner", "osv-scanner__test-vuln-results-a.json")));
    assertThat(results).extracting(Finding::vulnerabilityId).hasSize(2);
    Finding regex =
        results.stream().filter(f -> f.pkg().name().equals("regex")).findFirst().orElseThrow();
    assertThat(regex.cveIds()).containsExactly("CVE-2022-24713");
    assertThat(regex.severity()).isEqualTo(Severity.HIGH);
    assertThat(regex.maxCvssScore()).isEqualTo(7.5);
    assertThat(regex.fixedVersions()).contains(List.of("1.5.5"));
  }
}
