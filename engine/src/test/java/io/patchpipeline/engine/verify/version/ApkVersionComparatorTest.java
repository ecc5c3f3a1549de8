package io.patchpipeline.engine.verify.version;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApkVersionComparatorTest {
  private final VersionComparator apk = VersionComparator.forEcosystem("alpine");

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource(
      delimiter = ' ',
      value = {
        "1.2.3-r1 > 1.2.3-r0",
        "3.1.4-r10 > 3.1.4-r5",
        "1.2.3_rc1 < 1.2.3",
        "1.2.3_p1 > 1.2.3",
        "1.2.3_git20200101 > 1.2.3",
        "1.2.3a > 1.2.3",
        "1.2.3a < 1.2.4",
        "1.2a < 1.2.1",
        "1.2 < 1.2.1",
        "1.01 < 1.1",
        "1.001 < 1.01",
        "1.0_rc1-r1 < 1.0-r0",
        "1.36.1-r2 > 1.36.1-r1",
        "2.1 < 2.1_p1",
        "2.1_p1 < 2.1_p2",
        "1.2.3 = 1.2.3",
        "1.2.3-r0 > 1.2.3",
        "3.0.8-r0 < 3.0.10-r0",
        "1.1.1k-r0 > 1.1.1j-r9",
        "1.0~abc123 = 1.0",
      })
  void ordersLikeApkTools(String left, String op, String right) {
    Ordering.assertOrder(apk, left, op, right);
  }

  @Test
  void ordersSuffixes() {
    Ordering.assertAscending(
        apk,
        List.of(
            "1.0_alpha",
            "1.0_alpha1",
            "1.0_beta",
            "1.0_pre",
            "1.0_rc",
            "1.0_rc2",
            "1.0",
            "1.0_cvs",
            "1.0_svn",
            "1.0_git",
            "1.0_hg",
            "1.0_p",
            "1.0_p3"));
  }
}
