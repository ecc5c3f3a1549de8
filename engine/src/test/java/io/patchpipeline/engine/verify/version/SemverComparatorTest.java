package io.patchpipeline.engine.verify.version;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SemverComparatorTest {
  private final VersionComparator npm = VersionComparator.forEcosystem("npm");

  @Test
  void ordersPreReleasesAsTheSpecificationLists() {
    Ordering.assertAscending(
        npm,
        List.of(
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-alpha.beta",
            "1.0.0-beta",
            "1.0.0-beta.2",
            "1.0.0-beta.11",
            "1.0.0-rc.1",
            "1.0.0",
            "1.0.1",
            "1.1.0",
            "2.0.0"));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "1.0.0+build.1 = 1.0.0+build.2",
        "v1.2.3 = 1.2.3",
        "=1.2.3 = 1.2.3",
        "1.10.0 > 1.9.0",
        "4.17.21 > 4.17.20",
        "1.0.0-rc.1+build.5 < 1.0.0",
        "1.0.0-1 < 1.0.0-a",
        "99999999999999999999.0.0 > 9.0.0",
      })
  void ordersBySemver(String left, String op, String right) {
    Ordering.assertOrder(npm, left, op, right);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.2", "1", "01.2.3", "1.2.3.4", "", "latest", "1.2.3-"})
  void rejectsNonSemver(String version) {
    assertThatThrownBy(() -> npm.compare(version, "1.0.0"))
        .isInstanceOf(InvalidVersionException.class)
        .hasMessageContaining("MAJOR.MINOR.PATCH");
  }
}
