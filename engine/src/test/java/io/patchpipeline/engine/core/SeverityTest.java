package io.patchpipeline.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeverityTest {
  @ParameterizedTest
  @CsvSource({
    "CRITICAL, CRITICAL",
    "High, HIGH",
    "important, HIGH",
    "moderate, MEDIUM",
    "warning, MEDIUM",
    "negligible, LOW",
    "note, LOW",
    "info, NONE",
    "'', UNKNOWN",
    "bogus, UNKNOWN"
  })
  void parsesScannerVocabulary(String word, Severity expected) {
    assertThat(Severity.parse(word)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "9.8, CRITICAL",
    "9.0, CRITICAL",
    "8.9, HIGH",
    "7.0, HIGH",
    "4.0, MEDIUM",
    "0.1, LOW",
    "0.0, NONE",
    "11, UNKNOWN",
    "NaN, UNKNOWN"
  })
  void mapsCvssToRating(double score, Severity expected) {
    assertThat(Severity.fromCvss(score)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "4, 4, CRITICAL",
    "3, 4, HIGH",
    "2, 4, MEDIUM",
    "1, 4, LOW",
    "0, 4, NONE",
    "5, 5, CRITICAL",
    "4, 5, HIGH",
    "3, 5, MEDIUM",
    "2, 5, LOW",
    "1, 5, LOW",
    "6, 5, UNKNOWN",
    "-1, 4, UNKNOWN"
  })
  void mapsVendorScale(int level, int max, Severity expected) {
    assertThat(Severity.fromScale(level, max)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void unknownRanksBelowNone() {
    assertThat(Severity.NONE.isWorseThan(Severity.UNKNOWN)).isTrue();
    assertThat(Severity.UNKNOWN.isWorseThan(Severity.LOW)).isFalse();
    assertThat(Severity.CRITICAL.isWorseThan(Severity.HIGH)).isTrue();
  }
}
