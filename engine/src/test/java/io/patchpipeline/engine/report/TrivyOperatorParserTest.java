package io.patchpipeline.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Severity;
import io.patchpipeline.engine.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrivyOperatorParserTest extends AbstractParserTest {
  @Override
  protected ReportParser parser() {
    return new TrivyOperatorParser();
  }

  @Override
  protected String fixture() {
    return "trivy-operator-list.json";
  }

  @Override
  protected List<String> realReportFolders() {
    return List.of("trivy-operator");
  }

  @Override
  protected void checkFixture(List<Finding> findings) {
    assertThat(findings)
        .extracting(Finding::vulnerabilityId)
        .containsExactly("CVE-2024-45491", "GHSA-4v7x-pqxf-cx7m", "CVE-2023-42363");

    Finding expat = findings.get(0);
    assertThat(expat.target())
        .isEqualTo(
            Target.workload(
                "shop", "ReplicaSet/web-7d9f8c6b5", "registry.example.com/shop/web:1.4.2"));
    assertThat(expat.target().name()).isEqualTo("shop/ReplicaSet/web-7d9f8c6b5");
    assertThat(expat.scanner()).isEqualTo(new ScannerInfo("Trivy", "0.51.1"));
    assertThat(expat.pkg())
        .isEqualTo(new PackageRef("libexpat", "alpine", "", "2.6.2-r0", PackageKind.OS));
    assertThat(expat.fixedVersions()).contains(List.of("2.6.3-r0"));
    assertThat(expat.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(expat.cvss()).containsExactly(new CvssScore("trivy-operator", "3.x", "", 9.8));
    assertThat(expat.title()).isEqualTo("libexpat: integer overflow in dtdCopy");
    assertThat(expat.published()).hasValueSatisfying(d -> assertThat(d).hasToString("2024-08-30"));

    Finding net = findings.get(1);
    assertThat(net.pkg().kind()).isEqualTo(PackageKind.LIBRARY);
    assertThat(net.pkg().ecosystem()).isEqualTo("go");
    assertThat(net.fixedVersions()).as("the operator does not tell no fix from unknown").isEmpty();
    assertThat(net.cvss()).isEmpty();

    Finding busybox = findings.get(2);
    assertThat(busybox.target())
        .as("no workload labels: the image alone")
        .isEqualTo(
            Target.image(
                "library/redis@sha256:6ea7c0a9d1e2f3b4a5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8"));
    assertThat(busybox.fixedVersions()).contains(List.of("1.36.1-r16", "1.37.0-r0"));
  }

  @Test
  void fixtureWarnsAboutEntryWithoutId() throws IOException {
    CollectingSink sink = new CollectingSink();
    ParsedReport report = parser().parse(resource(fixture()), sink);
    assertThat(report.findings()).isEqualTo(3);
    assertThat(sink.warnings).hasSize(1);
    assertThat(sink.warnings.get(0))
        .startsWith("trivy-operator-list.json (line ")
        .contains("vulnerabilityID");
  }

  @Test
  void rejectsOtherKubernetesObject() {
    String json = "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"data\": {}}";
    ReportInput other = bytes("configmap.json", json.getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> parser().parse(other, new CollectingSink()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("configmap.json (line 1")
        .hasMessageContaining("kind is \"ConfigMap\"");
  }

  @Test
  void realReportNamesWorkload() throws IOException {
    List<Finding> findings =
        parse(
            FileReportInput.of(
                SharedData.file("trivy-operator", "defectdojo__vulnerabilityreport_many.json")));
    assertThat(findings).hasSize(41);
    assertThat(findings)
        .allSatisfy(
            finding ->
                assertThat(finding.target())
                    .isEqualTo(
                        Target.workload(
                            "default",
                            "ReplicaSet/nginx-deployment-965685897",
                            "index.docker.io/library/nginx:alpine")));
    assertThat(findings.get(0).scanner()).isEqualTo(new ScannerInfo("Trivy", "0.38.2"));
    assertThat(findings.stream().filter(f -> f.severity() == Severity.CRITICAL)).hasSize(2);
  }
}
