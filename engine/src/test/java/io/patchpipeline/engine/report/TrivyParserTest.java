package io.patchpipeline.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Severity;
import io.patchpipeline.engine.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrivyParserTest extends AbstractParserTest {
  @Override
  protected ReportParser parser() {
    return new TrivyParser();
  }

  @Override
  protected String fixture() {
    return "trivy-image.json";
  }

  @Override
  protected List<String> realReportFolders() {
    return List.of("trivy");
  }

  @Override
  protected void checkFixture(List<Finding> findings) {
    assertThat(findings)
        .extracting(Finding::vulnerabilityId)
        .containsExactly(
            "CVE-2024-0727",
            "TEMP-0841856-B18BAF",
            "CVE-2023-6040",
            "CVE-2023-45853",
            "GHSA-57j2-w4cx-62h2");
    Target image = Target.image("registry.example.com/shop/web:1.4.2");
    assertThat(findings).allSatisfy(finding -> assertThat(finding.target()).isEqualTo(image));
    assertThat(findings)
        .allSatisfy(
            finding -> assertThat(finding.scanner()).isEqualTo(new ScannerInfo("trivy", "0.58.1")));

    Finding openssl = findings.get(0);
    assertThat(openssl.aliases()).containsExactly("DSA-5632-1");
    assertThat(openssl.pkg())
        .isEqualTo(
            new PackageRef(
                "openssl",
                "debian",
                "pkg:deb/debian/openssl@3.0.11-1~deb12u1?arch=amd64&distro=debian-12.5",
                "3.0.11-1~deb12u1",
                PackageKind.OS));
    assertThat(openssl.fixedVersions()).contains(List.of("3.0.13-1~deb12u1", "3.0.11-1~deb12u3"));
    assertThat(openssl.severity()).isEqualTo(Severity.HIGH);
    assertThat(openssl.severitySource()).isEqualTo("debian");
    assertThat(openssl.cvss())
        .containsExactly(
            new CvssScore("nvd", "3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H", 5.5));
    assertThat(openssl.title()).isEqualTo("openssl: denial of service via null dereference");
    assertThat(openssl.published())
        .hasValueSatisfying(d -> assertThat(d).hasToString("2024-01-26"));
    assertThat(openssl.report()).isEqualTo("trivy-image.json");

    Finding temp = findings.get(1);
    assertThat(temp.fixedVersions()).contains(List.of());
    assertThat(temp.severity()).isEqualTo(Severity.LOW);
    assertThat(temp.cvss()).isEmpty();
    assertThat(temp.published()).isEmpty();

    Finding kernel = findings.get(2);
    assertThat(kernel.pkg().kind()).isEqualTo(PackageKind.KERNEL);
    assertThat(kernel.fixedVersions()).contains(List.of("6.1.76-1"));
    assertThat(kernel.cvss())
        .containsExactly(
            new CvssScore("nvd", "2.0", "AV:L/AC:L/Au:N/C:P/I:P/A:P", 4.6),
            new CvssScore("nvd", "3.1", "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:H", 7.1));

    Finding noStatus = findings.get(3);
    assertThat(noStatus.fixedVersions()).isEmpty();
    assertThat(noStatus.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(noStatus.severitySource()).isEmpty();

    Finding ghsa = findings.get(4);
    assertThat(ghsa.aliases()).containsExactly("CVE-2020-36518");
    assertThat(ghsa.cveIds()).containsExactly("CVE-2020-36518");
    assertThat(ghsa.pkg().name()).isEqualTo("com.fasterxml.jackson.core:jackson-databind");
    assertThat(ghsa.pkg().ecosystem()).isEqualTo("maven");
    assertThat(ghsa.pkg().kind()).isEqualTo(PackageKind.LIBRARY);
    assertThat(ghsa.severity())
        .as("VendorSeverity of the SeveritySource")
        .isEqualTo(Severity.MEDIUM);
    assertThat(ghsa.cvss())
        .as("only the ratings of the SeveritySource count")
        .containsExactly(
            new CvssScore(
                "ghsa",
                "4.0",
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N",
                8.7));
    assertThat(ghsa.fixedVersions()).contains(List.of("2.13.2.1", "2.12.6.1"));
  }

  @Test
  void fixtureReportsExclusionAndWarning() throws IOException {
    CollectingSink sink = new CollectingSink();
    ParsedReport report = parser().parse(resource(fixture()), sink);
    assertThat(report.findings()).isEqualTo(5);
    assertThat(report.scanner()).isEqualTo(new ScannerInfo("trivy", "0.58.1"));
    assertThat(sink.excluded)
        .containsExactly("CVE-2022-3219 not_affected Trivy status not_affected");
    assertThat(sink.warnings).hasSize(1);
    assertThat(sink.warnings.get(0))
        .contains("trivy-image.json (line ")
        .contains("VulnerabilityID");
  }

  @Test
  void readsOlderListLayout() throws IOException {
    String json =
        """
        [
          {"Target": "alpine:3.10 (alpine 3.10.2)", "Type": "alpine",
           "Vulnerabilities": [{"VulnerabilityID": "CVE-2019-14697", "PkgName": "musl",
             "InstalledVersion": "1.1.22-r2", "FixedVersion": "1.1.22-r3", "Severity": "HIGH"}]},
          {"Target": "usr/app/package-lock.json", "Type": "npm",
           "Vulnerabilities": [{"VulnerabilityID": "CVE-2021-23337", "PkgName": "lodash",
             "InstalledVersion": "4.17.20", "Severity": "HIGH"}]}
        ]
        """;
    List<Finding> findings = parseText(json);
    assertThat(parser().detect(json)).isPositive();
    assertThat(findings).hasSize(2);
    assertThat(findings.get(0).target()).isEqualTo(Target.image("alpine:3.10"));
    assertThat(findings.get(0).pkg().kind()).isEqualTo(PackageKind.OS);
    assertThat(findings.get(0).pkg().ecosystem()).isEqualTo("alpine");
    assertThat(findings.get(1).target()).isEqualTo(Target.image("alpine:3.10"));
    assertThat(findings.get(1).pkg().kind()).isEqualTo(PackageKind.LIBRARY);
    assertThat(findings.get(1).fixedVersions()).isEmpty();
  }

  @Test
  void readsKubernetesResources() throws IOException {
    String json =
        """
        {"ClusterName": "prod-eu", "Resources": [
          {"Namespace": "shop", "Kind": "Deployment", "Name": "web",
           "Results": [{"Target": "nginx:1.25.3 (debian 12.4)", "Class": "os-pkgs", "Type": "debian",
             "Vulnerabilities": [{"VulnerabilityID": "CVE-2023-52425", "PkgName": "libexpat1",
               "InstalledVersion": "2.5.0-1", "Status": "will_not_fix", "Severity": "HIGH"}]}]},
          {"Results": [{"Target": "usr/local/bin/app", "Class": "lang-pkgs", "Type": "gobinary",
             "Vulnerabilities": [{"VulnerabilityID": "GO-2024-2687", "PkgName": "golang.org/x/net",
               "InstalledVersion": "v0.17.0", "FixedVersion": "0.23.0", "Severity": "MEDIUM"}]}],
           "Namespace": "shop", "Kind": "StatefulSet", "Name": "queue",
           "Metadata": {"RepoTags": ["registry.example.com/queue:2.0"]}}
        ]}
        """;
    List<Finding> findings = parseText(json);
    assertThat(parser().detect(json)).isPositive();
    assertThat(findings)
        .extracting(Finding::target)
        .containsExactly(
            Target.workload("shop", "Deployment/web", "nginx:1.25.3"),
            Target.workload("shop", "StatefulSet/queue", "registry.example.com/queue:2.0"));
    assertThat(findings.get(0).target().name()).isEqualTo("shop/Deployment/web");
    assertThat(findings.get(0).fixedVersions()).contains(List.of());
    assertThat(findings.get(1).pkg().ecosystem()).isEqualTo("go");
  }

  @Test
  void excludesFindingsModifiedByVex() throws IOException {
    String json =
        """
        {"SchemaVersion": 2, "ArtifactName": "web:2.1", "ArtifactType": "container_image",
         "Results": [{"Target": "web:2.1 (alpine 3.19.1)", "Class": "os-pkgs", "Type": "alpine",
           "Vulnerabilities": [{"VulnerabilityID": "CVE-2024-2511", "PkgName": "libssl3",
             "InstalledVersion": "3.1.4-r5", "FixedVersion": "3.1.4-r6", "Severity": "LOW"}],
           "ExperimentalModifiedFindings": [
             {"Type": "vulnerability", "Status": "not_affected",
              "Statement": "vulnerable_code_not_in_execute_path", "Source": "CycloneDX VEX",
              "Finding": {"VulnerabilityID": "CVE-2024-0727", "PkgName": "libcrypto3",
                "InstalledVersion": "3.1.4-r5", "Severity": "MEDIUM"}},
             {"Type": "misconfiguration", "Status": "not_affected", "Finding": {"ID": "DS002"}}]}]}
        """;
    CollectingSink sink = new CollectingSink();
    parser().parse(bytes("vex.json", json.getBytes(StandardCharsets.UTF_8)), sink);
    assertThat(sink.findings).extracting(Finding::vulnerabilityId).containsExactly("CVE-2024-2511");
    assertThat(sink.excluded)
        .containsExactly("CVE-2024-0727 not_affected vulnerable_code_not_in_execute_path");
  }

  @Test
  void readsArtifactWrittenAfterResults() throws IOException {
    String json =
        """
        {"SchemaVersion": 2,
         "Results": [{"Vulnerabilities": [{"VulnerabilityID": "CVE-2021-44228",
             "PkgName": "org.apache.logging.log4j:log4j-core", "InstalledVersion": "2.14.1",
             "FixedVersion": "2.15.0"}],
           "Target": "pom.xml", "Class": "lang-pkgs", "Type": "pom"}],
         "ArtifactName": "github.com/example/shop", "ArtifactType": "repository",
         "Trivy": {"Version": "0.50.0"}}
        """;
    List<Finding> findings = parseText(json);
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).target()).isEqualTo(Target.repository("github.com/example/shop"));
    assertThat(findings.get(0).scanner().version()).isEqualTo("0.50.0");
    assertThat(findings.get(0).pkg().ecosystem()).isEqualTo("maven");
  }

  @ParameterizedTest
  @CsvSource({
    "filesystem, /srv/app, FILE, /srv/app",
    "repository, https://git.example.com/shop.git, REPOSITORY, https://git.example.com/shop.git",
    "container_image, images/web.tar.gz, IMAGE, web:2.1",
    "vm, disk.img, FILE, disk.img"
  })
  void mapsArtifactTypeToTarget(String type, String name, TargetKind kind, String targetName)
      throws IOException {
    String json =
        """
        {"SchemaVersion": 2, "ArtifactName": "%s", "ArtifactType": "%s",
         "Metadata": {"RepoTags": ["web:2.1"]},
         "Results": [{"Target": "requirements.txt", "Class": "lang-pkgs", "Type": "pip",
           "Vulnerabilities": [{"VulnerabilityID": "PYSEC-2023-74", "PkgName": "urllib3",
             "InstalledVersion": "1.26.5"}]}]}
        """
            .formatted(name, type);
    Finding finding = parseText(json).get(0);
    assertThat(finding.target().kind()).isEqualTo(kind);
    assertThat(finding.target().name()).isEqualTo(targetName);
  }

  @Test
  void rejectsJsonWithoutResults() {
    ReportInput other = bytes("other.json", "{\"name\": \"x\"}".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> parser().parse(other, new CollectingSink()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("other.json (line 1, column")
        .hasMessageContaining("no Results or Resources");
  }

  @Test
  void rejectsResultsThatAreNotAList() {
    ReportInput other =
        bytes(
            "bad.json", "{\"SchemaVersion\": 2, \"Results\": 3}".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> parser().parse(other, new CollectingSink()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("bad.json (line 1, column")
        .hasMessageContaining("expected Results (a JSON array) but found a number");
  }

  @Test
  void realReportsGiveKnownCounts() throws IOException {
    assertThat(parseReal("defectdojo__all_statuses.json")).hasSize(7);
    assertThat(parseReal("defectdojo__issue_9333.json")).hasSize(13);
    assertThat(parseReal("defectdojo__issue_10991.json")).isEmpty();
    assertThat(parseReal("trivy-golden__ubuntu-1804.json.golden")).hasSize(5);
    assertThat(parseReal("trivy-golden__gomod.json.golden")).hasSize(5);
  }

  @Test
  void realStatusesDecideFixedVersions() throws IOException {
    List<Finding> findings = parseReal("defectdojo__all_statuses.json");
    assertThat(fixedOf(findings, "TEMP-0841856-B18BAF")).contains(List.of());
    assertThat(fixedOf(findings, "CVE-2018-12698")).contains(List.of());
    assertThat(fixedOf(findings, "CVE-2018-12699")).contains(List.of());
    assertThat(fixedOf(findings, "CVE-2011-3374")).isEmpty();
    assertThat(findings).extracting(Finding::vulnerabilityId).doesNotContain("CVE-2019-18276");
  }

  @Test
  void realKubernetesSummaryNamesWorkloads() throws IOException {
    List<Finding> findings = parseReal("defectdojo__kubernetes.json");
    assertThat(findings).hasSize(10);
    assertThat(findings.get(0).target())
        .isEqualTo(
            Target.workload(
                "default",
                "Deployment/redis-follower",
                "gcr.io/google_samples/gb-redis-follower:v2"));
  }

  @Test
  void realSeveritySourceChoosesVendor() throws IOException {
    Finding tomcat =
        parseReal("defectdojo__cvssv4_severity_source.json").stream()
            .filter(f -> f.vulnerabilityId().equals("CVE-2025-66614"))
            .findFirst()
            .orElseThrow();
    assertThat(tomcat.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(tomcat.severitySource()).isEqualTo("ghsa");
    assertThat(tomcat.aliases()).containsExactly("GHSA-fpj8-gq4v-p354");
    assertThat(tomcat.cvss()).extracting(CvssScore::version).containsExactly("4.0");
    assertThat(tomcat.maxCvssScore()).isEqualTo(6.3);
    assertThat(tomcat.fixedVersions()).contains(List.of("11.0.14", "10.1.49", "9.0.112"));
    assertThat(tomcat.target()).isEqualTo(Target.file("lib/catalina.jar"));
    assertThat(tomcat.scanner().version()).isEqualTo("0.69.1");
  }

  private static Optional<List<String>> fixedOf(List<Finding> findings, String id) {
    return findings.stream()
        .filter(f -> f.vulnerabilityId().equals(id))
        .findFirst()
        .orElseThrow()
        .fixedVersions();
  }

  private List<Finding> parseText(String json) throws IOException {
    return parse(bytes("inline.json", json.getBytes(StandardCharsets.UTF_8)));
  }

  private List<Finding> parseReal(String name) throws IOException {
    return parse(FileReportInput.of(SharedData.file("trivy", name)));
  }
}
