package io.patchpipeline.engine.verify.version;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Pep440ComparatorTest {
  private final VersionComparator pypi = VersionComparator.forEcosystem("pypi");

  @Test
  void ordersAsPep440Lists() {
    Ordering.assertAscending(
        pypi,
        List.of(
            "1.0.dev456",
            "1.0a1",
            "1.0a2.dev456",
            "1.0a12.dev456",
            "1.0a12",
            "1.0b1.dev456",
            "1.0b2",
            "1.0b2.post345.dev456",
            "1.0b2.post345",
            "1.0b2-346",
            "1.0c1.dev456",
            "1.0c1",
            "1.0rc2",
            "1.0c3",
            "1.0",
            "1.0.post456.dev34",
            "1.0.post456",
            "1.1.dev1",
            "1.2+123abc",
            "1.2+123abc456",
            "1.2+abc",
            "1.2+abc123",
            "1.2+abc123def",
            "1.2+1234.abc",
            "1.2+123456",
            "1.2.r32+123456",
            "1.2.rev33+123456",
            "1!0.1",
            "1!1.0"));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "1.0 = 1.0.0",
        "1.0 = 1.0.0.0",
        "1.0a1 = 1.0alpha1",
        "1.0a1 = 1.0-a.1",
        "1.0.post1 = 1.0-1",
        "1.0.post1 = 1.0r1",
        "1.0.dev0 = 1.0.dev",
        "v1.0 = 1.0",
        "1.0c1 = 1.0rc1",
        "1.0RC1 = 1.0rc1",
        "1.0pre1 = 1.0rc1",
        "2!1.0 > 1!9.0",
        "1!1.0 > 99.0",
        "2.31.0 > 2.4.0",
        "1.0+local.1 > 1.0",
        "1.0+local < 1.0.post1",
      })
  void ordersByPep440(String left, String op, String right) {
    Ordering.assertOrder(pypi, left, op, right);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "latest", "1.0-foo", "1..0", "1.0+"})
  void rejectsInvalidVersions(String version) {
    assertThatThrownBy(() -> pypi.compare(version, "1.0"))
        .isInstanceOf(InvalidVersionException.class)
        .hasMessageContaining("PEP 440");
  }
}
