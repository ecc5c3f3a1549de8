package io.patchpipeline.engine.verify.version;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MavenVersionComparatorTest {
  private final VersionComparator maven = VersionComparator.forEcosystem("maven");

  @Test
  void ordersQualifiers() {
    Ordering.assertAscending(
        maven,
        List.of(
            "1-alpha2snapshot",
            "1-alpha2",
            "1-alpha-123",
            "1-beta-2",
            "1-beta123",
            "1-m2",
            "1-m11",
            "1-rc",
            "1-cr2",
            "1-rc123",
            "1-SNAPSHOT",
            "1",
            "1-sp",
            "1-sp2",
            "1-sp123",
            "1-abc",
            "1-def",
            "1-pom-1",
            "1-1-snapshot",
            "1-1",
            "1-2",
            "1-123"));
  }

  @Test
  void ordersNumbers() {
    Ordering.assertAscending(
        maven,
        List.of(
            "2.0", "2.0.a", "2-1", "2.0.2", "2.0.123", "2.1.0", "2.1-a", "2.1b", "2.1-c", "2.1-1",
            "2.1.0.1", "2.2", "2.123", "11.a2", "11.a11", "11.b2", "11.b11", "11.m2", "11.m11",
            "11", "11.a", "11b", "11c", "11m"));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "1 = 1.0",
        "1.0 = 1.0.0",
        "1 = 1-0",
        "1.0.0 = 1.0-0",
        "1ga = 1-ga",
        "1-ga = 1.final",
        "1.final = 1-release",
        "1cr = 1rc",
        "1a1 = 1-alpha-1",
        "1b2 = 1-beta-2",
        "1m3 = 1-milestone-3",
        "1X = 1x",
        "2.17.1 > 2.17.0",
        "2.15.0 > 2.15.0-rc2",
        "5.3.18 < 5.3.20",
        "2.13.4.2 > 2.13.4",
        "1.0-SNAPSHOT < 1.0",
        "1.0.RELEASE = 1.0",
      })
  void ordersLikeComparableVersion(String left, String op, String right) {
    Ordering.assertOrder(maven, left, op, right);
  }
}
