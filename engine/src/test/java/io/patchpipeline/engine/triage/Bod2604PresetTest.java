package io.patchpipeline.engine.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.intel.KevStatus;
import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.triage.SsvcValues.TechnicalImpact;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every row of the CISA BOD 26-04 remediation timeline table (SSVC decision table cisa_bod_26_04
 * 1.0.0): KEV, public exposure, automatable, technical impact, and the timeline.
 */
class Bod2604PresetTest {
  private static final String CVE = "CVE-2026-1";

  private static TriageDecision decide(
      KevStatus kev,
      String exposure,
      Optional<Boolean> automatable,
      Optional<TechnicalImpact> impact) {
    Fixtures fixtures =
        new Fixtures()
            .asset(Fixtures.asset("host-1", "high", "prod", exposure))
            .unit("PP-1", Priority.P2, true, Fixtures.finding("f1", CVE, "host-1", 7.5, 0.3, kev));
    SsvcInputs ssvc = new SsvcInputs(Map.of(CVE, new SsvcValues(automatable, impact)));
    return DefaultPresetTest.decide(fixtures, "bod-26-04", ssvc);
  }

  @ParameterizedTest(name = "row {0}: kev={1} exposed={2} automatable={3} impact={4} -> {5}")
  @CsvSource({
    "0,  no,  no,  no,  partial, DEFERRED,       ",
    "1,  yes, no,  no,  partial, NEEDS_APPROVAL, 14",
    "2,  no,  yes, no,  partial, AUTO_APPROVED,  60",
    "3,  no,  no,  yes, partial, AUTO_APPROVED,  60",
    "4,  no,  no,  no,  total,   DEFERRED,       ",
    "5,  yes, yes, no,  partial, NEEDS_APPROVAL, 14",
    "6,  yes, no,  yes, partial, NEEDS_APPROVAL, 14",
    "7,  no,  yes, yes, partial, NEEDS_APPROVAL, 14",
    "8,  yes, no,  no,  total,   NEEDS_APPROVAL, 14",
    "9,  no,  yes, no,  total,   NEEDS_APPROVAL, 14",
    "10, no,  no,  yes, total,   AUTO_APPROVED,  60",
    "11, yes, yes, yes, partial, NEEDS_APPROVAL, 3",
    "12, yes, yes, no,  total,   EMERGENCY,      3",
    "13, yes, no,  yes, total,   EMERGENCY,      3",
    "14, no,  yes, yes, total,   NEEDS_APPROVAL, 3",
    "15, yes, yes, yes, total,   EMERGENCY,      3",
  })
  void decidesTableRow(
      int row,
      String kev,
      String exposed,
      String automatable,
      String impact,
      Outcome expected,
      Integer dueDays) {
    TriageDecision decision =
        decide(
            kev.equals("yes") ? KevStatus.LISTED : KevStatus.NOT_LISTED,
            exposed.equals("yes") ? "internet" : "internal",
            Optional.of(automatable.equals("yes")),
            Optional.of(TechnicalImpact.valueOf(impact.toUpperCase(java.util.Locale.ROOT))));

    assertThat(decision.ruleId()).isEqualTo("bod-26-04-row-" + row);
    assertThat(decision.outcome()).isEqualTo(expected);
    if (dueDays == null) {
      assertThat(decision.reason()).contains("fix on the next system upgrade");
      assertThat(decision.reviewDate()).isPresent();
      assertThat(decision.dueDate()).isEmpty();
    } else {
      assertThat(decision.dueDate()).contains(Fixtures.NOW.plus(Duration.ofDays(dueDays)));
    }
    if (expected == Outcome.EMERGENCY) {
      assertThat(decision.reason()).contains("forensic investigation");
    }
  }

  @Test
  void unknownAutomatableSendsUnitToPerson() {
    TriageDecision decision =
        decide(
            KevStatus.NOT_LISTED,
            "internal",
            Optional.empty(),
            Optional.of(TechnicalImpact.PARTIAL));

    assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_APPROVAL);
    assertThat(decision.unknown()).containsExactly("automatable");
  }

  @Test
  void unknownExposureSendsUnitToPerson() {
    TriageDecision decision =
        decide(KevStatus.NOT_LISTED, "", Optional.of(true), Optional.of(TechnicalImpact.PARTIAL));

    assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_APPROVAL);
    assertThat(decision.unknown()).containsExactly("asset.exposure");
  }

  @Test
  void withoutSsvcInputNothingIsApprovedAutomatically() {
    TriageDecision decision =
        decide(KevStatus.NOT_LISTED, "internet", Optional.empty(), Optional.empty());

    assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_APPROVAL);
    assertThat(decision.unknown()).isNotEmpty();
  }
}
