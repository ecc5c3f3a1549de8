package io.patchpipeline.engine.verify.version;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DebianVersionComparatorTest {
  private final VersionComparator debian = VersionComparator.forEcosystem("debian");

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "1.1.1n-0+deb11u5 > 1.1.1n-0+deb11u3",
        "2:1.0 > 1:9.9",
        "1.0~rc1 < 1.0",
        "1.0~~ < 1.0~",
        "1.0~ < 1.0",
        "1.0 < 1.0a",
        "1.0a < 1.0+",
        "1.0+ < 1.0.1",
        "1.0 = 1.0-0",
        "0:1.0 = 1.0",
        "1.01 = 1.1",
        "1.2.10 > 1.2.9",
        "3.0.11-1~deb12u2 < 3.0.11-1",
        "3.0.11-1~deb12u2 > 3.0.11-1~deb12u1",
        "1.0-1ubuntu0.1 > 1.0-1",
        "7.88.1-10+deb12u12 > 7.88.1-10+deb12u5",
        "2.36-9+deb12u4 > 2.36-9+deb12u3",
        "1:2.0-1 > 2.0-9",
        "6.1.0-18-amd64 < 6.1.0-21-amd64",
        "1.0-a > 1.0-B",
        "10 > 9",
        "1.0.0 > 1.0",
      })
  void ordersLikeDpkg(String left, String op, String right) {
    Ordering.assertOrder(debian, left, op, right);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a:1.0", ":1.0", "1x:2.0"})
  void rejectsInvalidEpoch(String version) {
    assertThatThrownBy(() -> debian.compare(version, "1.0"))
        .isInstanceOf(InvalidVersionException.class)
        .hasMessageContaining(version);
  }
}
