package io.patchpipeline.engine.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.policy.Policy;
import io.patchpipeline.engine.policy.PolicyLoader;
import io.patchpipeline.engine.policy.Presets;
import io.patchpipeline.engine.policy.Priority;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TriagePoliciesTest {
  static TriagePolicy load(String yaml) throws IOException {
    Policy policy = PolicyLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "policy.yaml");
    return TriagePolicies.of(policy);
  }

  @Test
  void policyWithoutTriageSectionUsesDefaultPreset() {
    TriagePolicy policy = TriagePolicies.of(Presets.defaultPolicy());

    assertThat(policy.preset()).isEqualTo("default");
    assertThat(policy.rules())
        .extracting(CompiledRule::id)
        .containsExactly("p0-emergency", "no-fix-available", "low-risk-dev-test");
    assertThat(policy.approvers()).isEqualTo("security-team");
  }

  @Test
  void policyPresetSelectsMatchingTriagePreset() {
    assertThat(TriagePolicies.of(Presets.bod2201()).preset()).isEqualTo("bod-22-01");
  }

  @ParameterizedTest
  @ValueSource(strings = {"default", "bod-22-01", "bod-26-04"})
  void everyPresetCompiles(String name) {
    TriagePolicy preset = TriagePolicies.preset(name);

    assertThat(preset.rules()).isNotEmpty();
    assertThat(preset.rules()).allSatisfy(r -> assertThat(r.reads()).isNotEmpty());
  }

  @Test
  void bod2604PresetHasOneRulePerTableRow() {
    assertThat(TriagePolicies.preset("bod-26-04").rules()).hasSize(16);
  }

  @Test
  void customRulesReplacePresetRules() throws IOException {
    TriagePolicy policy =
        load(
            """
            name: team
            triage:
              approvers: platform-leads
              selfApproval: [P3]
              rules:
                - id: tiny
                  when: "cvss < 4 && patchType == 'library'"
                  outcome: auto-approve
            """);

    assertThat(policy.preset()).isEqualTo("custom");
    assertThat(policy.rules()).extracting(CompiledRule::id).containsExactly("tiny");
    assertThat(policy.rules().get(0).reads()).containsExactlyInAnyOrder("cvss", "patchType");
    assertThat(policy.approvers()).isEqualTo("platform-leads");
    assertThat(policy.selfApproval()).containsExactly(Priority.P3);
    assertThat(policy.sha256()).hasSize(64);
  }

  @Test
  void syntaxErrorNamesRuleAndPosition() {
    assertThatThrownBy(
            () ->
                load(
                    """
                    triage:
                      rules:
                        - id: broken
                          when: "epss < "
                          outcome: auto-approve
                    """))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("policy.yaml")
        .hasMessageContaining("triage.rules[0] (broken).when, line 1, column 8")
        .hasMessageContaining("invalid CEL expression");
  }

  @Test
  void unknownFieldIsErrorAtLoad() {
    assertThatThrownBy(
            () ->
                load(
                    """
                    triage:
                      rules:
                        - id: ok
                          when: "cvss < 7.0"
                          outcome: defer
                          reason: later
                          review: 7d
                        - id: typo
                          when: "asset.enviroment == 'dev'"
                          outcome: auto-approve
                    """))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("triage.rules[1] (typo).when, line 1, column 1")
        .hasMessageContaining("undeclared reference to 'asset'")
        .hasMessageContaining("asset.environment");
  }

  @Test
  void nonBooleanRuleIsRejected() {
    assertThatThrownBy(
            () ->
                load(
                    """
                    triage:
                      rules:
                        - id: number
                          when: "epss * 2.0"
                          outcome: auto-approve
                    """))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("(number).when");
  }

  @Test
  void mixedIntAndDoubleComparisonIsAccepted() throws IOException {
    TriagePolicy policy =
        load(
            """
            triage:
              rules:
                - id: ints
                  when: "cvss < 7 && daysSincePublished > 2.5"
                  outcome: auto-approve
            """);

    assertThat(policy.rules()).hasSize(1);
  }

  @Test
  void unknownOutcomeIsRejected() {
    assertThatThrownBy(
            () ->
                load(
                    """
                    triage:
                      rules:
                        - id: odd
                          when: "kev"
                          outcome: approve-maybe
                    """))
        .hasMessageContaining("triage.rules[0] (odd).outcome")
        .hasMessageContaining("expected auto-approve, needs-approval, defer or emergency");
  }

  @Test
  void deferRuleNeedsReasonAndReview() {
    assertThatThrownBy(
            () ->
                load(
                    """
                    triage:
                      rules:
                        - id: later
                          when: "!hasFix"
                          outcome: defer
                    """))
        .hasMessageContaining("(later)")
        .hasMessageContaining("needs a reason and a review delay");
  }

  @Test
  void duplicateIdsAndMissingIdAreRejected() {
    assertThatThrownBy(
            () ->
                load(
                    """
                    triage:
                      rules:
                        - id: a
                          when: "kev"
                          outcome: emergency
                        - id: a
                          when: "kev"
                          outcome: emergency
                    """))
        .hasMessageContaining("duplicate rule id");
    assertThatThrownBy(
            () ->
                load(
                    """
                    triage:
                      rules:
                        - when: "kev"
                          outcome: emergency
                    """))
        .hasMessageContaining("rule without id");
  }

  @Test
  void unknownSectionFieldAndPresetAreRejected() {
    assertThatThrownBy(() -> load("triage:\n  approver: x\n"))
        .hasMessageContaining("unknown field 'approver'");
    assertThatThrownBy(() -> load("triage:\n  preset: bod-99\n"))
        .hasMessageContaining("unknown triage preset 'bod-99'");
    assertThatThrownBy(() -> load("triage:\n  selfApproval: [P9]\n"))
        .hasMessageContaining("triage.selfApproval");
  }

  @Test
  void invalidDurationNamesField() {
    assertThatThrownBy(
            () ->
                load(
                    """
                    triage:
                      rules:
                        - id: soon
                          when: "kev"
                          outcome: needs-approval
                          due: tomorrow
                    """))
        .hasMessageContaining("triage.rules[0] (soon).due")
        .hasMessageContaining("invalid duration 'tomorrow'");
  }
}
