package io.patchpipeline.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.asset.Asset;
import io.patchpipeline.engine.asset.Criticality;
import io.patchpipeline.engine.asset.Exposure;
import io.patchpipeline.engine.core.Severity;
import io.patchpipeline.engine.intel.KevEntry;
import io.patchpipeline.engine.intel.KevStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The priority matrix and ticket rule of the built-in default policy, row by row. */
class DefaultPolicyTest {
  private static final Instant DETECTED = Instant.parse("2026-12-01T10:00:00Z");
  private final Policy policy = Presets.defaultPolicy();

  /** Columns: KEV, ransomware, EPSS (- unknown), CVSS (- unknown), severity, tier, exposure. */
  @ParameterizedTest(name = "{0} {1} epss={2} cvss={3} {4} {5} {6} -> {7} by {8}")
  @CsvSource({
    "LISTED,     false, 0.01, 5.0, MEDIUM,  CRITICAL, INTERNAL, P0, kev-on-critical-asset",
    "LISTED,     false, 0.01, 5.0, MEDIUM,  LOW,      INTERNET, P0, kev-internet-facing",
    "LISTED,     true,  -,    -,   UNKNOWN, LOW,      INTERNAL, P0, kev-ransomware",
    "LISTED,     false, -,    -,   UNKNOWN, UNKNOWN,  UNKNOWN,  P1, kev-listed",
    "NOT_LISTED, false, 0.5,  7.5, HIGH,    LOW,      INTERNAL, P1, epss-high-cvss-high",
    "NOT_LISTED, false, 0.5,  6.9, MEDIUM,  LOW,      INTERNAL, P2, epss-elevated",
    "NOT_LISTED, false, 0.01, 9.8, CRITICAL, HIGH,    INTERNAL, P1, cvss-critical-on-important-asset",
    "NOT_LISTED, false, 0.01, 9.8, CRITICAL, LOW,     INTERNAL, P2, cvss-high",
    "NOT_LISTED, false, 0.1,  3.0, LOW,     LOW,      INTERNAL, P2, epss-elevated",
    "NOT_LISTED, false, 0.09, 3.0, LOW,     LOW,      INTERNAL, P3, default-priority",
    "NOT_LISTED, false, -,    -,   HIGH,    LOW,      INTERNAL, P2, severity-high",
    "NOT_LISTED, false, -,    -,   UNKNOWN, LOW,      INTERNAL, P2, unrated",
    "UNKNOWN,    false, -,    5.0, MEDIUM,  CRITICAL, INTERNET, P3, default-priority",
    "UNKNOWN,    false, -,    9.1, CRITICAL, UNKNOWN, UNKNOWN,  P2, cvss-high",
  })
  void priorityMatrix(
      KevStatus kev,
      boolean ransomware,
      String epss,
      String cvss,
      Severity severity,
      Criticality tier,
      Exposure exposure,
      Priority expected,
      String rule) {
    RiskFacts facts = facts(kev, ransomware, epss, cvss, severity, tier, exposure);
    PolicyDecision decision = policy.decide(facts, Optional.empty(), DETECTED);
    assertThat(decision.priority()).isEqualTo(expected);
    assertThat(decision.rule()).isEqualTo(rule);
  }

  /** Columns: KEV, EPSS, CVSS, tier, expected ticket. */
  @ParameterizedTest(name = "{0} epss={1} cvss={2} {3} -> ticket {4}")
  @CsvSource({
    "LISTED,     -,    -,   UNKNOWN,  true",
    "NOT_LISTED, 0.41, -,   LOW,      true",
    "NOT_LISTED, 0.4,  -,   LOW,      false",
    "NOT_LISTED, -,    9.1, CRITICAL, true",
    "NOT_LISTED, -,    9.0, CRITICAL, false",
    "NOT_LISTED, -,    9.8, HIGH,     false",
    "UNKNOWN,    -,    9.8, UNKNOWN,  false",
  })
  void ticketThreshold(KevStatus kev, String epss, String cvss, Criticality tier, boolean ticket) {
    RiskFacts facts = facts(kev, false, epss, cvss, Severity.HIGH, tier, Exposure.INTERNAL);
    assertThat(policy.needsTicket(facts)).isEqualTo(ticket);
  }

  @Test
  void slaDueDatesFollowPriority() {
    RiskFacts p0 =
        facts(KevStatus.LISTED, true, "-", "-", Severity.HIGH, Criticality.LOW, Exposure.INTERNAL);
    PolicyDecision decision = policy.decide(p0, Optional.empty(), DETECTED);
    assertThat(decision.dueDate()).isEqualTo(DETECTED.plus(Duration.ofHours(2)));
    assertThat(decision.ticketPriority()).isEqualTo("Critical");
    RiskFacts p1 =
        facts(KevStatus.LISTED, false, "-", "-", Severity.HIGH, Criticality.LOW, Exposure.INTERNAL);
    PolicyDecision p1Decision = policy.decide(p1, Optional.empty(), DETECTED);
    assertThat(p1Decision.dueDate()).isEqualTo(DETECTED.plus(Duration.ofDays(30)));
    assertThat(p1Decision.triageDue()).isEqualTo(DETECTED.plus(Duration.ofHours(24)));
  }

  @Test
  void bod2201UsesEarlierKevDueDate() {
    RiskFacts facts =
        facts(KevStatus.LISTED, false, "-", "-", Severity.HIGH, Criticality.LOW, Exposure.INTERNAL);
    KevEntry entry =
        new KevEntry(
            "CVE-2021-44228",
            "Apache",
            "Log4j2",
            "Log4Shell",
            Optional.empty(),
            Optional.of(LocalDate.parse("2026-12-05")),
            "Apply updates",
            true);
    Instant due = Presets.bod2201().decide(facts, Optional.of(entry), DETECTED).dueDate();
    assertThat(due).isEqualTo(Instant.parse("2026-12-05T23:59:59Z"));
    Instant defaultDue = policy.decide(facts, Optional.of(entry), DETECTED).dueDate();
    assertThat(defaultDue).isEqualTo(DETECTED.plus(Duration.ofDays(30)));
  }

  @Test
  void decisionRecordsValuesTheRuleRead() {
    RiskFacts facts =
        facts(
            KevStatus.NOT_LISTED,
            false,
            "0.5",
            "7.5",
            Severity.HIGH,
            Criticality.LOW,
            Exposure.INTERNAL);
    PolicyDecision decision = policy.decide(facts, Optional.empty(), DETECTED);
    assertThat(decision.inputs()).containsEntry("epss", "0.5").containsEntry("cvss", "7.5");
    assertThat(decision.inputs()).doesNotContainKey("criticality");
  }

  static RiskFacts facts(
      KevStatus kev,
      boolean ransomware,
      String epss,
      String cvss,
      Severity severity,
      Criticality tier,
      Exposure exposure) {
    Asset asset =
        new Asset("web-1", tier, "prod", "team-a", exposure, "web", tier != Criticality.UNKNOWN);
    return new RiskFacts(kev, ransomware, number(epss), number(cvss), severity, asset);
  }

  private static Optional<Double> number(String text) {
    return text.equals("-") ? Optional.empty() : Optional.of(Double.parseDouble(text));
  }
}
