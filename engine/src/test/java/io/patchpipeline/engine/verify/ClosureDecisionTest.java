package io.patchpipeline.engine.verify;

import static io.patchpipeline.engine.verify.VerificationStatus.FIXED;
import static io.patchpipeline.engine.verify.VerificationStatus.STILL_VULNERABLE;
import static io.patchpipeline.engine.verify.VerificationStatus.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClosureDecisionTest {
  private static final String A = "CVE-2024-0001";
  private static final String B = "CVE-2024-0002";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "all fixed",
            List.of(A, B),
            Map.of(A, List.of(FIXED), B, List.of(FIXED, FIXED)),
            true,
            List.of(),
            List.of()),
        Arguments.of(
            "one still vulnerable",
            List.of(A, B),
            Map.of(A, List.of(FIXED), B, List.of(FIXED, STILL_VULNERABLE)),
            false,
            List.of(B),
            List.of()),
        Arguments.of(
            "one unknown",
            List.of(A, B),
            Map.of(A, List.of(FIXED), B, List.of(UNKNOWN)),
            false,
            List.of(),
            List.of(B)),
        Arguments.of(
            "one without verdict",
            List.of(A, B),
            Map.of(A, List.of(FIXED)),
            false,
            List.of(),
            List.of(B)),
        Arguments.of(
            "fixed on one host, unknown on another",
            List.of(A),
            Map.of(A, List.of(FIXED, UNKNOWN)),
            false,
            List.of(),
            List.of(A)),
        Arguments.of(
            "still and unknown",
            List.of(A, B),
            Map.of(A, List.of(STILL_VULNERABLE), B, List.of()),
            false,
            List.of(A),
            List.of(B)),
        Arguments.of("no CVE", List.of(), Map.of(), false, List.of(), List.of()),
        Arguments.of(
            "lower-case CVE id",
            List.of("cve-2024-0001"),
            Map.of(A, List.of(FIXED)),
            true,
            List.of(),
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void closesOnlyWhenEveryCveIsFixed(
      String name,
      List<String> cves,
      Map<String, List<VerificationStatus>> verdicts,
      boolean close,
      List<String> remaining,
      List<String> unverified) {
    ClosureDecision decision = ClosureDecision.decide(cves, verdicts);

    assertThat(decision.close()).isEqualTo(close);
    assertThat(decision.remaining()).isEqualTo(remaining);
    assertThat(decision.unverified()).isEqualTo(unverified);
    assertThat(decision.reason()).isNotBlank();
  }
}
