package io.patchpipeline.engine.verify.version;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoVersionComparatorTest {
  private final VersionComparator go = VersionComparator.forEcosystem("golang");

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "v1.2.3 < v1.2.4",
        "v2.0.0+incompatible = v2.0.0",
        "v2.1.0+incompatible > v2.0.0",
        "v0.0.0-20191109021931-daa7c04131f5 < v0.0.1",
        "v0.0.0-20191109021931-daa7c04131f5 < v0.0.0-20200101000000-0123456789ab",
        "v1.2.4-0.20191109021931-daa7c04131f5 > v1.2.3",
        "v1.2.4-0.20191109021931-daa7c04131f5 < v1.2.4",
        "v1.2.3-pre.0.20200101000000-0123456789ab > v1.2.3-pre",
        "v1 = v1.0.0",
        "v1.2 = v1.2.0",
        "0.3.3 = v0.3.3",
        "v1.22.5 > v1.9.9",
      })
  void ordersLikeGoSemver(String left, String op, String right) {
    Ordering.assertOrder(go, left, op, right);
  }

  @Test
  void rejectsPreReleaseOnShorthand() {
    assertThatThrownBy(() -> go.compare("v1.2-pre", "v1.2.0"))
        .isInstanceOf(InvalidVersionException.class)
        .hasMessageContaining("v1.2-pre");
  }
}
