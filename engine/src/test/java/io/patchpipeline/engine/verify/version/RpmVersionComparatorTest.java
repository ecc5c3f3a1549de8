package io.patchpipeline.engine.verify.version;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RpmVersionComparatorTest {
  private final VersionComparator rpm = VersionComparator.forEcosystem("rhel");

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "1.0 < 1.0.1",
        "1.0~rc1 < 1.0",
        "1.0~rc1 < 1.0~rc2",
        "1.0~~ < 1.0~",
        "1.0^git1 > 1.0",
        "1.0^git1 < 1.0.1",
        "1.0^git1 < 1.0^git2",
        "1.0~rc1^git1 > 1.0~rc1",
        "1.0~rc1^git1 < 1.0",
        "1:1.0 > 0:2.0",
        "0:2.0 = 2.0",
        "2.0-1.el8 < 2.0-2.el8",
        "1.0a < 1.0.1",
        "2.02 = 2.2",
        "1.0.el8 = 1.0el8",
        "3.0.7-27.el9 > 3.0.7-25.el9_3",
        "1.1.1k-12.el8_9 > 1.1.1k-7.el8_6",
        "1:1.1.1k-12.el8_9 > 1.1.1k-13.el8_9",
        "4.18.0-513.el8 < 4.18.0-513.5.1.el8_9",
        "1.0 = 1.0-1",
        "5.2 > 5.1.99",
        "abc < abd",
        "1.0_1 = 1.0.1",
        "10 > 9",
        "1.0 = 1.0",
      })
  void ordersLikeRpmvercmp(String left, String op, String right) {
    Ordering.assertOrder(rpm, left, op, right);
  }

  @Test
  void rejectsInvalidEpoch() {
    assertThatThrownBy(() -> rpm.compare("x:1.0", "1.0"))
        .isInstanceOf(InvalidVersionException.class)
        .hasMessageContaining("x:1.0");
  }
}
