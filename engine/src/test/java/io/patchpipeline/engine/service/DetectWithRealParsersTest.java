package io.patchpipeline.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.UnitFinding;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Detect over real parsers: one vulnerability seen in two layers and by two scanners counts once.
 */
class DetectWithRealParsersTest {
  private static final Path FIXTURES = Path.of("src", "test", "resources", "detect");

  @Test
  void sameFindingFromLayersAndScannersCountsOnce() throws Exception {
    DetectOptions options =
        DetectOptions.builder(FIXTURES)
            .reports(List.of("trivy-two-layers.json", "grype-same-image.json"))
            .clock(Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC))
            .build();
    DetectResult result = new DetectService().run(options);
    PatchRecord record = result.record();
    assertThat(record.inputs()).extracting(i -> i.findings()).containsExactly(2L, 1L);
    assertThat(record.findings()).hasSize(1);
    UnitFinding finding = record.findings().get(0);
    assertThat(finding.reports()).containsExactly("trivy-two-layers.json", "grype-same-image.json");
    assertThat(finding.scanners()).anyMatch(s -> s.startsWith("grype"));
    assertThat(finding.maxCvss()).contains(7.5);
    assertThat(finding.fixedVersions()).contains(List.of("3.0.13-1~deb12u1"));
    assertThat(record.units()).hasSize(1);
    assertThat(record.units().get(0).assetGroup()).isEqualTo("registry.example.com/app");
    assertThat(record.unknownAssets()).containsExactly("registry.example.com/app:1.0");
  }
}
