package io.patchpipeline.engine.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionStepTest {
  @ParameterizedTest
  @CsvSource({
    "2.14.1, 2.17.0, MINOR",
    "2.14.1, 3.0.0, MAJOR",
    "3.0.11-1~deb12u1, 3.0.13-1~deb12u1, PATCH",
    "1:2.3.4, 1:2.3.9, PATCH",
    "v1.2.3, v1.4.0, MINOR",
    "6.1, 6.2, MINOR",
    "6, 6, MINOR",
    "abc, 1.0, UNKNOWN",
    "1.0, '', UNKNOWN",
  })
  void classifiesSteps(String installed, String fixed, VersionStep expected) {
    assertThat(VersionStep.between(installed, fixed)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "3.0.2, 3.0.10, -1",
    "3.0.10, 3.0.2, 1",
    "1.2, 1.2.1, -1",
    "1.2, 1.2, 0",
    "2.0, 10.0, -1"
  })
  void roughOrderingIsNumeric(String a, String b, int sign) {
    assertThat(Integer.signum(VersionStep.roughCompare(a, b))).isEqualTo(sign);
  }
}
