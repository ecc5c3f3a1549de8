package io.patchpipeline.engine.intel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CveIdsTest {
  @ParameterizedTest
  @CsvSource({
    "CVE-1999-0001, 199900000001, CVE-1999-0001",
    "cve-2021-44228, 202100044228, CVE-2021-44228",
    "CVE-2021-1000001, 202101000001, CVE-2021-1000001",
    "CVE-2024-12345678, 202412345678, CVE-2024-12345678",
    "CVE-2021-00123, 202100000123, CVE-2021-0123",
  })
  void packsAndUnpacks(String id, long key, String canonical) {
    assertThat(CveIds.pack(id)).isEqualTo(key);
    assertThat(CveIds.unpack(key)).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "CVE-2021-123",
        "CVE-2021-123456789",
        "CVE-21-44228",
        "CVE_2021_44228",
        "CVE-2021-4422a",
        "GHSA-jfh8-c2jp-5v3q",
        "XVE-2021-44228",
      })
  void rejectsWhatIsNoCveId(String id) {
    assertThat(CveIds.pack(id)).isEqualTo(CveIds.INVALID);
  }

  @ParameterizedTest
  @CsvSource({"CVE-2021-9999, CVE-2021-10000", "CVE-2020-99999999, CVE-2021-0001"})
  void keysSortNumerically(String lower, String higher) {
    assertThat(CveIds.pack(lower)).isLessThan(CveIds.pack(higher));
  }
}
