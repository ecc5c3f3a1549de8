package io.patchpipeline.engine.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.report.PackageKind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComplexityEstimateTest {
  @ParameterizedTest(name = "{0} {1} -> {2} on {3} assets: {4}")
  @CsvSource({
    "OS,      3.0.11,  3.0.13, 1,  LOW",
    "LIBRARY, 2.14.1,  2.17.0, 1,  MEDIUM",
    "LIBRARY, 2.14.1,  3.0.0,  1,  HIGH",
    "KERNEL,  6.1.0,   6.1.5,  1,  HIGH",
    "IMAGE,   1.0,     1.0.1,  1,  MEDIUM",
    "OS,      3.0.11,  3.0.13, 5,  MEDIUM",
    "OS,      3.0.11,  3.0.13, 20, HIGH",
    "OS,      3.0.11,  '',     1,  HIGH",
  })
  void estimates(PackageKind kind, String installed, String fixed, int assets, Complexity level) {
    ComplexityEstimate estimate = ComplexityEstimate.of(kind, List.of(installed), fixed, assets);
    assertThat(estimate.level()).isEqualTo(level);
    assertThat(estimate.reasons())
        .anyMatch(r -> r.startsWith(level.name().toLowerCase(java.util.Locale.ROOT)));
  }
}
