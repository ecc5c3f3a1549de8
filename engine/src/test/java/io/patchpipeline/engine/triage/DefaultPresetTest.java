package io.patchpipeline.engine.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.intel.KevStatus;
import io.patchpipeline.engine.policy.Priority;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefaultPresetTest {
  static TriageDecision decide(Fixtures fixtures, String preset, SsvcInputs ssvc) {
    Triage triage = new Triage(TriagePolicies.preset(preset), fixtures.assets(), ssvc);
    return triage
        .decide(fixtures.record(), Fixtures.NOW, Optional.empty(), List.of())
        .section()
        .decisions()
        .get(0);
  }

  @ParameterizedTest(name = "{0} epss={1} cvss={2} {3} fix={4} -> {5} by {6}")
  @CsvSource({
    "P2, 0.05, 5.0, dev,     true,  AUTO_APPROVED,  low-risk-dev-test",
    "P2, 0.05, 5.0, test,    true,  AUTO_APPROVED,  low-risk-dev-test",
    "P3, 0.19, 6.9, dev,     true,  AUTO_APPROVED,  low-risk-dev-test",
    "P2, 0.20, 5.0, dev,     true,  NEEDS_APPROVAL, no-rule-matched",
    "P2, 0.05, 7.0, dev,     true,  NEEDS_APPROVAL, no-rule-matched",
    "P2, 0.05, 5.0, prod,    true,  NEEDS_APPROVAL, no-rule-matched",
    "P2, 0.05, 5.0, staging, true,  NEEDS_APPROVAL, no-rule-matched",
    "P2, 0.05, 5.0, dev,     false, DEFERRED,       no-fix-available",
    "P0, 0.05, 5.0, dev,     true,  EMERGENCY,      p0-emergency",
    "P0, 0.90, 9.8, prod,    false, EMERGENCY,      p0-emergency",
  })
  void decidesUnit(
      Priority priority,
      double epss,
      double cvss,
      String environment,
      boolean hasFix,
      Outcome expected,
      String rule) {
    Fixtures fixtures =
        new Fixtures()
            .asset(Fixtures.asset("host-1", "medium", environment, "internal"))
            .unit(
                "PP-1",
                priority,
                hasFix,
                Fixtures.finding("f1", "CVE-2026-1", "host-1", cvss, epss, KevStatus.NOT_LISTED));

    TriageDecision decision = decide(fixtures, "default", SsvcInputs.NONE);

    assertThat(decision.outcome()).isEqualTo(expected);
    assertThat(decision.ruleId()).isEqualTo(rule);
  }

  @Test
  void decisionStoresWhatAnAuditorReplays() {
    Fixtures fixtures =
        new Fixtures()
            .asset(Fixtures.asset("host-1", "low", "dev", "internal"))
            .unit("PP-1", Priority.P3, "host-1", 5.0, 0.05, KevStatus.NOT_LISTED);

    TriageDecision decision = decide(fixtures, "default", SsvcInputs.NONE);

    assertThat(decision.ruleText())
        .isEqualTo("epss < 0.2 && cvss < 7.0 && asset.environment in ['dev', 'test']");
    assertThat(decision.values())
        .containsEntry("epss", "0.05")
        .containsEntry("cvss", "5.0")
        .containsEntry("asset.environment", "dev")
        .hasSize(3);
    assertThat(decision.epssModelVersion()).isEqualTo("v2025.03.14");
    assertThat(decision.epssScoreDate()).contains(java.time.LocalDate.parse("2026-12-03"));
    assertThat(decision.kevCatalogVersion()).isEqualTo("2026.12.02");
    assertThat(decision.decidedBy()).isEqualTo("policy");
    assertThat(decision.decidedAt()).isEqualTo(Fixtures.NOW);
    assertThat(decision.approvers()).isEmpty();
  }

  @Test
  void deferredUnitGetsReasonAndReviewDate() {
    Fixtures fixtures =
        new Fixtures()
            .unit(
                "PP-1",
                Priority.P2,
                false,
                Fixtures.finding("f1", "CVE-2026-1", "h", 5.0, 0.1, KevStatus.NOT_LISTED));

    TriageDecision decision = decide(fixtures, "default", SsvcInputs.NONE);

    assertThat(decision.outcome()).isEqualTo(Outcome.DEFERRED);
    assertThat(decision.reason()).contains("No fixed version");
    assertThat(decision.reviewDate()).contains(java.time.LocalDate.parse("2026-12-18"));
  }

  @Test
  void emergencyNamesItsApproverGroup() {
    Fixtures fixtures = new Fixtures().unit("PP-1", Priority.P0, "h", 9.8, 0.9, KevStatus.LISTED);

    TriageDecision decision = decide(fixtures, "default", SsvcInputs.NONE);

    assertThat(decision.approvers()).isEqualTo("incident-commanders");
  }

  @Test
  void oneProductionAssetKeepsUnitFromAutoApproval() {
    Fixtures fixtures =
        new Fixtures()
            .asset(Fixtures.asset("dev-1", "low", "dev", "internal"))
            .asset(Fixtures.asset("prod-1", "high", "prod", "internet"))
            .unit(
                "PP-1",
                Priority.P3,
                true,
                Fixtures.finding("f1", "CVE-2026-1", "dev-1", 5.0, 0.05, KevStatus.NOT_LISTED),
                Fixtures.finding("f2", "CVE-2026-1", "prod-1", 5.0, 0.05, KevStatus.NOT_LISTED));

    TriageDecision decision = decide(fixtures, "default", SsvcInputs.NONE);

    assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_APPROVAL);
    assertThat(decision.assetId()).isEqualTo("prod-1");
  }

  @Test
  void unitValuesTakeWorstFinding() {
    Fixtures fixtures =
        new Fixtures()
            .asset(Fixtures.asset("dev-1", "low", "dev", "internal"))
            .unit(
                "PP-1",
                Priority.P3,
                true,
                Fixtures.finding("f1", "CVE-2026-1", "dev-1", 5.0, 0.05, KevStatus.NOT_LISTED),
                Fixtures.finding("f2", "CVE-2026-2", "dev-1", 6.5, 0.35, KevStatus.NOT_LISTED));

    TriageDecision decision = decide(fixtures, "default", SsvcInputs.NONE);

    assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_APPROVAL);
    assertThat(decision.ruleId()).isEqualTo(TriagePolicy.NO_RULE);
  }
}
