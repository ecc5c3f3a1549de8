package io.patchpipeline.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.core.Severity;
import io.patchpipeline.engine.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DependencyCheckXmlParserTest extends AbstractParserTest {
  @Override
  protected ReportParser parser() {
    return new DependencyCheckXmlParser();
  }

  @Override
  protected String fixture() {
    return "dependency-check-small.xml";
  }

  @Override
  protected List<String> realReportFolders() {
    return List.of("dependency-check");
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
            org.assertj.core.groups.Tuple.tuple("CVE-2021-44228", "/app/lib/log4j-core-2.14.1.jar"),
            org.assertj.core.groups.Tuple.tuple(
                "CVE-2021-44228", "/app/plugins/audit/log4j-core-2.14.1.jar"),
            org.assertj.core.groups.Tuple.tuple("NPM-1179", "/app/web/package-lock.json?minimist"),
            org.assertj.core.groups.Tuple.tuple(
                "CVE-2020-7598", "/app/web/package-lock.json?minimist"));

    Finding log4j = findings.get(0);
    assertThat(log4j.pkg())
        .isEqualTo(
            new PackageRef(
                "org.apache.logging.log4j:log4j-core",
                "maven",
                "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
                "2.14.1",
                PackageKind.LIBRARY));
    assertThat(log4j.target().kind()).isEqualTo(TargetKind.FILE);
    assertThat(log4j.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(log4j.severitySource()).isEqualTo("nvd");
    assertThat(log4j.scanner()).isEqualTo(new ScannerInfo("Dependency-Check", "9.0.9"));
    assertThat(log4j.fixedVersions()).isEmpty();
    assertThat(log4j.title())
        .startsWith(
            "Apache Log4j2 2.0-beta9 through 2.15.0 JNDI features used in configuration, log");
    assertThat(log4j.cvss())
        .containsExactly(
            new CvssScore("nvd", "2.0", "AV:N/AC:M/Au:N/C:C/I:C/A:C", 9.3),
            new CvssScore("nvd", "3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0));
    assertThat(findings.get(1).pkg()).isEqualTo(log4j.pkg());

    Finding advisory = findings.get(2);
    assertThat(advisory.pkg().name()).isEqualTo("minimist");
    assertThat(advisory.pkg().ecosystem()).isEqualTo("npm");
    assertThat(advisory.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(advisory.severitySource()).isEqualTo("npm");
    assertThat(advisory.cvss()).isEmpty();
    assertThat(findings.get(3).severity()).as("from the CVSS score").isEqualTo(Severity.MEDIUM);
    assertThat(findings.get(3).cvss())
        .containsExactly(
            new CvssScore("ossindex", "3.1", "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:L", 5.6));
  }

  @Test
  void reportsSuppressedVulnerabilityAsExcluded() throws IOException {
    CollectingSink sink = new CollectingSink();
    ParsedReport report = parser().parse(resource(fixture()), sink);

    assertThat(report.findings()).isEqualTo(4);
    assertThat(sink.excluded)
        .containsExactly(
            "CVE-2021-45046 suppressed Lookups are disabled by a system property in this service.",
            "CVE-2021-45046 suppressed Lookups are disabled by a system property in this service.");
  }

  @Test
  void readsRealSchemaOneReport() throws IOException {
    Path file =
        SharedData.folder()
            .resolve(
                "dependency-check/defectdojo__multiple_vulnerabilities_has_multiple_findings.xml");
    CollectingSink sink = new CollectingSink();
    ParsedReport report = parser().parse(FileReportInput.of(file), sink);

    // Counted with xml.etree: 7 vulnerabilities on 5 dependencies; two of those dependencies
    // have two related dependencies each, so their 1 and 3 vulnerabilities count three times.
    assertThat(report.findings()).isEqualTo(15);
    assertThat(sink.excluded).hasSize(2);
    Finding first = sink.findings.get(0);
    assertThat(first.vulnerabilityId()).isEqualTo("CVE-0000-0001");
    assertThat(first.pkg().purl()).isEqualTo("pkg:maven/org.dom4j/dom4j@2.1.1.redhat-00001");
    assertThat(first.cvss())
        .containsExactly(
            new CvssScore("dependency-check", "2.0", "AV:N/AC:L/Au:N/C:P/I:P/A:P", 7.5));
    assertThat(sink.findings.stream().map(f -> f.pkg().name()).distinct())
        .containsExactly(
            "org.dom4j:dom4j",
            "yargs-parser",
            "adapter-ear3.ear: dom4j-2.1.1.jar",
            "adapter-ear4.ear: liquibase-core-3.5.3.jar: jquery.js");
  }

  @Test
  void readsMavenIdentifierOfOldSchema() throws IOException {
    String xml =
        "<analysis xmlns=\"https://jeremylong.github.io/DependencyCheck/dependency-check.1.3.xsd\">"
            + "<dependencies><dependency><fileName>serializer-2.7.1.jar</fileName>"
            + "<identifiers><identifier type=\"maven\"><name>(xalan:serializer:2.7.1)</name>"
            + "</identifier></identifiers><vulnerabilities><vulnerability><name>CVE-2014-0107</name>"
            + "<severity>High</severity></vulnerability></vulnerabilities></dependency>"
            + "</dependencies></analysis>";
    List<Finding> findings = parse(bytes("old.xml", xml.getBytes(StandardCharsets.UTF_8)));

    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).pkg())
        .isEqualTo(new PackageRef("xalan:serializer", "maven", "", "2.7.1", PackageKind.LIBRARY));
    assertThat(findings.get(0).target()).isEqualTo(Target.file("serializer-2.7.1.jar"));
    assertThat(findings.get(0).severitySource()).isEqualTo("dependency-check");
  }
}
