package io.patchpipeline.engine.verify.version;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GenericVersionComparatorTest {
  private final VersionComparator generic = VersionComparator.forEcosystem("nuget");

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "2.0 > 2.0-rc1",
        "2.0.1 > 2.0",
        "10.0 > 9.9",
        "4.7.10 > 4.7.2",
        "1.0.0 = 1_0_0",
        "1.0A = 1.0a",
        "1.0b < 1.0c",
        "1.0.1 > 1.0a",
        "1.0-beta < 1.0",
        "1.0-hotfix > 1.0",
        "007 = 7",
      })
  void ordersNumbersAndLetters(String left, String op, String right) {
    Ordering.assertOrder(generic, left, op, right);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "debian, debian",
    "Ubuntu, debian",
    "centos, rpm",
    "amazon, rpm",
    "alpine, alpine",
    "npm, npm",
    "cargo, npm",
    "maven, maven",
    "pypi, pypi",
    "gomod, go",
    "gem, generic",
    "'', generic",
  })
  void picksComparatorByEcosystem(String ecosystem, String expected) {
    assertThat(VersionComparator.forEcosystem(ecosystem).ecosystem()).isEqualTo(expected);
  }
}
