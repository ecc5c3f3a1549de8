package io.patchpipeline.engine.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.intel.KevStatus;
import io.patchpipeline.engine.policy.Policy;
import io.patchpipeline.engine.policy.PolicyLoader;
import io.patchpipeline.engine.policy.Priority;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnknownValuesTest {
  private static TriageDecision decide(Fixtures fixtures, TriagePolicy policy) {
    return new Triage(policy, fixtures.assets(), SsvcInputs.NONE)
        .decide(fixtures.record(), Fixtures.NOW, Optional.empty(), List.of())
        .section()
        .decisions()
        .get(0);
  }

  @ParameterizedTest(name = "cvss={0} epss={1} asset known={2} -> unknown {3}")
  @CsvSource({
    "5.0,   ,     true,  epss",
    "   ,   0.05, true,  cvss",
    "   ,   ,     true,  'cvss, epss'",
    "5.0,   0.05, false, asset.environment",
  })
  void unknownValueNeverAutoApproves(Double cvss, Double epss, boolean known, String unknown) {
    Fixtures fixtures = new Fixtures();
    if (known) {
      fixtures.asset(Fixtures.asset("dev-1", "low", "dev", "internal"));
    }
    fixtures.unit("PP-1", Priority.P3, "dev-1", cvss, epss, KevStatus.NOT_LISTED);

    TriageDecision decision = decide(fixtures, TriagePolicies.preset("default"));

    assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_APPROVAL);
    assertThat(decision.ruleId()).isEqualTo("low-risk-dev-test");
    assertThat(decision.unknown()).containsExactlyElementsOf(List.of(unknown.split(", ")));
    assertThat(decision.reason()).contains(unknown).contains("unknown");
    assertThat(decision.approvers()).isEqualTo("security-team");
  }

  @Test
  void unknownEpssOfOneFindingMakesUnitEpssUnknown() {
    Fixtures fixtures =
        new Fixtures()
            .asset(Fixtures.asset("dev-1", "low", "dev", "internal"))
            .unit(
                "PP-1",
                Priority.P3,
                true,
                Fixtures.finding("f1", "CVE-2026-1", "dev-1", 5.0, 0.01, KevStatus.NOT_LISTED),
                Fixtures.finding("f2", "GHSA-xxxx", "dev-1", 5.0, null, KevStatus.NOT_LISTED));

    TriageDecision decision = decide(fixtures, TriagePolicies.preset("default"));

    assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_APPROVAL);
    assertThat(decision.unknown()).containsExactly("epss");
    assertThat(decision.values()).containsEntry("epss", "unknown");
  }

  @Test
  void unknownValueOutsideDecidingBranchDoesNotMatter() throws IOException {
    TriagePolicy policy =
        policy(
            """
            triage:
              rules:
                - id: kev-p1
                  when: "priority == 'P1' && kev"
                  outcome: emergency
                - id: dev-small
                  when: "cvss < 4.0 && asset.environment == 'dev'"
                  outcome: auto-approve
            """);
    Fixtures fixtures =
        new Fixtures()
            .asset(Fixtures.asset("dev-1", "low", "dev", "internal"))
            .unit("PP-1", Priority.P3, "dev-1", 3.1, 0.01, KevStatus.UNKNOWN);

    TriageDecision decision = decide(fixtures, policy);

    assertThat(decision.outcome()).isEqualTo(Outcome.AUTO_APPROVED);
    assertThat(decision.ruleId()).isEqualTo("dev-small");
  }

  @Test
  void unknownValueThatDecidesNonApprovalRuleNeedsApproval() throws IOException {
    TriagePolicy policy =
        policy(
            """
            triage:
              approvers: secops
              rules:
                - id: kev-p1
                  when: "priority == 'P1' && kev"
                  outcome: emergency
                  approvers: oncall
            """);
    Fixtures fixtures = new Fixtures().unit("PP-1", Priority.P1, "h", 7.5, 0.3, KevStatus.UNKNOWN);

    TriageDecision decision = decide(fixtures, policy);

    assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_APPROVAL);
    assertThat(decision.ruleId()).isEqualTo("kev-p1");
    assertThat(decision.unknown()).containsExactly("kev");
    assertThat(decision.reason()).contains("kev, which is unknown");
    assertThat(decision.approvers()).isEqualTo("oncall");
    assertThat(decision.dueDate()).isEmpty();
  }

  @Test
  void autoApproveRuleReadingUnknownValueIsStrict() throws IOException {
    TriagePolicy policy =
        policy(
            """
            triage:
              rules:
                - id: either
                  when: "asset.environment == 'dev' || epss < 0.01"
                  outcome: auto-approve
            """);
    Fixtures fixtures =
        new Fixtures()
            .asset(Fixtures.asset("dev-1", "low", "dev", "internal"))
            .unit("PP-1", Priority.P3, "dev-1", 3.1, null, KevStatus.NOT_LISTED);

    TriageDecision decision = decide(fixtures, policy);

    assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_APPROVAL);
    assertThat(decision.unknown()).containsExactly("epss");
  }

  @Test
  void runtimeErrorInRuleNeedsApproval() throws IOException {
    TriagePolicy policy =
        policy(
            """
            triage:
              rules:
                - id: divide
                  when: "cveCount / (assetCount - 1) > 0"
                  outcome: auto-approve
            """);
    Fixtures fixtures =
        new Fixtures()
            .asset(Fixtures.asset("dev-1", "low", "dev", "internal"))
            .unit("PP-1", Priority.P3, "dev-1", 3.1, 0.01, KevStatus.NOT_LISTED);

    TriageDecision decision = decide(fixtures, policy);

    assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_APPROVAL);
    assertThat(decision.reason()).contains("failed to evaluate");
  }

  @Test
  void unknownKevCatalogLeavesRansomwareUnknown() {
    Fixtures fixtures = new Fixtures().unit("PP-1", Priority.P3, "h", 3.1, 0.01, KevStatus.UNKNOWN);
    FactsBuilder builder =
        new FactsBuilder(
            fixtures.record(),
            fixtures.assets(),
            SsvcInputs.NONE,
            java.time.LocalDate.parse("2026-12-04"));

    UnitFacts facts = builder.build(fixtures.record().units().get(0)).get(0);

    assertThat(facts.unknown())
        .contains("kev", "ransomware", "asset.tier", "asset.environment", "asset.exposure")
        .contains("automatable", "technicalImpact");
    assertThat(facts.values())
        .containsEntry("priority", "P3")
        .containsEntry("patchType", "os")
        .containsEntry("ecosystem", "debian")
        .containsEntry("hasFix", true)
        .containsEntry("cveCount", 1L)
        .containsEntry("assetCount", 1L)
        .containsEntry("daysSincePublished", 10L);
  }

  private static TriagePolicy policy(String yaml) throws IOException {
    Policy policy = PolicyLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "policy.yaml");
    return TriagePolicies.of(policy);
  }
}
