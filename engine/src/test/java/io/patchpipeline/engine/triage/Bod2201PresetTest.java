package io.patchpipeline.engine.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.intel.KevStatus;
import io.patchpipeline.engine.policy.Priority;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Bod2201PresetTest {
  @ParameterizedTest(name = "{0} kev={1} {2} -> {3} by {4}")
  @CsvSource({
    "P1, LISTED,     prod, NEEDS_APPROVAL, kev-due-date,      2026-12-20T23:59:59Z",
    "P1, LISTED,     dev,  NEEDS_APPROVAL, kev-due-date,      2026-12-20T23:59:59Z",
    "P0, LISTED,     prod, EMERGENCY,      p0-emergency,      2026-12-20T23:59:59Z",
    "P3, NOT_LISTED, dev,  AUTO_APPROVED,  low-risk-dev-test, ",
    "P3, NOT_LISTED, prod, NEEDS_APPROVAL, no-rule-matched,   ",
    "P3, UNKNOWN,    dev,  NEEDS_APPROVAL, kev-due-date,      ",
  })
  void decidesUnit(
      Priority priority,
      KevStatus kev,
      String environment,
      Outcome expected,
      String rule,
      Instant due) {
    Fixtures fixtures =
        new Fixtures()
            .asset(Fixtures.asset("host-1", "medium", environment, "internal"))
            .unit("PP-1", priority, "host-1", 5.0, 0.05, kev);

    TriageDecision decision = DefaultPresetTest.decide(fixtures, "bod-22-01", SsvcInputs.NONE);

    assertThat(decision.outcome()).isEqualTo(expected);
    assertThat(decision.ruleId()).isEqualTo(rule);
    if (due == null) {
      assertThat(decision.dueDate()).isEmpty();
    } else {
      assertThat(decision.dueDate()).contains(due);
    }
  }
}
