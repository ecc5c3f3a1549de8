package io.patchpipeline.engine.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.intel.KevStatus;
import io.patchpipeline.engine.policy.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TriageDiffTest {
  private static Triage.Run run(Fixtures fixtures, Instant at) {
    return new Triage(TriagePolicies.preset("default"), fixtures.assets(), SsvcInputs.NONE)
        .decide(fixtures.record(), at, Optional.empty(), List.of());
  }

  private static Fixtures fixtures() {
    return new Fixtures()
        .asset(Fixtures.asset("dev-1", "low", "dev", "internal"))
        .asset(Fixtures.asset("prod-1", "high", "prod", "internal"));
  }

  @Test
  void explainsNewlyAutoApprovedUnits() {
    Fixtures yesterday =
        fixtures()
            .unit("PP-1", Priority.P3, "dev-1", 5.0, 0.35, KevStatus.NOT_LISTED)
            .unit("PP-2", Priority.P3, "dev-1", 5.0, 0.31, KevStatus.NOT_LISTED)
            .unit("PP-3", Priority.P3, "dev-1", 5.0, 0.25, KevStatus.NOT_LISTED)
            .unit("PP-4", Priority.P2, "prod-1", 5.0, 0.05, KevStatus.NOT_LISTED)
            .unit("PP-gone", Priority.P2, "prod-1", 5.0, 0.05, KevStatus.NOT_LISTED);
    Fixtures today =
        fixtures()
            .unit("PP-1", Priority.P3, "dev-1", 5.0, 0.11, KevStatus.NOT_LISTED)
            .unit("PP-2", Priority.P3, "dev-1", 5.0, 0.12, KevStatus.NOT_LISTED)
            .unit("PP-3", Priority.P3, "dev-1", 5.0, 0.13, KevStatus.NOT_LISTED)
            .unit("PP-4", Priority.P2, "prod-1", 5.0, 0.05, KevStatus.NOT_LISTED)
            .unit("PP-5", Priority.P3, "dev-1", 5.0, 0.5, KevStatus.NOT_LISTED);

    TriageDiff diff =
        TriageDiff.between(
            run(yesterday, Fixtures.NOW.minusSeconds(86_400)), run(today, Fixtures.NOW));

    assertThat(diff.changes()).hasSize(3);
    assertThat(diff.changes().get(0).causes()).containsExactly("epss fell");
    assertThat(diff.added()).containsExactly("PP-5");
    assertThat(diff.removed()).containsExactly("PP-gone");
    assertThat(diff.lines())
        .containsExactly(
            "3 units newly auto-approved (before: needs-approval) because epss fell: PP-1, PP-2, PP-3",
            "1 unit new since the earlier record: PP-5",
            "1 unit no longer in the record: PP-gone");
  }

  @Test
  void namesValuesThatBecameUnknownOrChanged() {
    Fixtures yesterday =
        fixtures()
            .unit("PP-1", Priority.P3, "dev-1", 5.0, 0.05, KevStatus.NOT_LISTED)
            .unit("PP-2", Priority.P3, "dev-1", 5.0, 0.05, KevStatus.NOT_LISTED)
            .unit("PP-3", Priority.P2, "dev-1", 5.0, 0.05, KevStatus.NOT_LISTED);
    Fixtures today =
        fixtures()
            .unit("PP-1", Priority.P3, "dev-1", 5.0, null, KevStatus.NOT_LISTED)
            .unit("PP-2", Priority.P3, "dev-1", 8.1, 0.05, KevStatus.NOT_LISTED)
            .unit("PP-3", Priority.P0, "dev-1", 5.0, 0.05, KevStatus.NOT_LISTED);

    TriageDiff diff = TriageDiff.between(run(yesterday, Fixtures.NOW), run(today, Fixtures.NOW));

    assertThat(diff.lines())
        .containsExactly(
            "1 unit newly sent for approval (before: auto-approve) because epss became unknown: PP-1",
            "1 unit newly sent for approval (before: auto-approve) because cvss rose: PP-2",
            "1 unit newly raised to emergency (before: auto-approve) because priority changed from P2 to P0:"
                + " PP-3");
  }

  @Test
  void sameDecisionsGiveEmptyDiff() {
    Fixtures same = fixtures().unit("PP-1", Priority.P3, "dev-1", 5.0, 0.05, KevStatus.NOT_LISTED);

    TriageDiff diff = TriageDiff.between(run(same, Fixtures.NOW), run(same, Fixtures.NOW));

    assertThat(diff.lines()).isEmpty();
  }
}
