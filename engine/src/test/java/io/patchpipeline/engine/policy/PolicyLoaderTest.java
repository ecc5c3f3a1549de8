package io.patchpipeline.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.core.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyLoaderTest {
  @Test
  void fileOverridesPreset() throws Exception {
    String yaml =
        """
        name: acme
        preset: bod-22-01
        ticket: {kev: true, epssAbove: 0.3, cvssAbove: 8.0, cvssCriticality: [critical, high]}
        priorities:
          - id: kev-anything
            priority: P0
            when: {kev: true}
        defaultPriority: P2
        sla:
          remediate: {P0: 4h, P3: 2w}
        ticketPriorities: {P0: Highest}
        triage:
          rules: []
        """;
    Policy policy = PolicyLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "acme.yaml");
    assertThat(policy.name()).isEqualTo("acme");
    assertThat(policy.kevDueDates()).isTrue();
    assertThat(policy.ticket().epssAbove()).isEqualTo(0.3);
    assertThat(policy.priorities()).extracting(PriorityRule::id).containsExactly("kev-anything");
    assertThat(policy.defaultPriority()).isEqualTo(Priority.P2);
    assertThat(policy.remediationTime(Priority.P0)).isEqualTo(Duration.ofHours(4));
    assertThat(policy.remediationTime(Priority.P1)).isEqualTo(Duration.ofDays(30));
    assertThat(policy.remediationTime(Priority.P3)).isEqualTo(Duration.ofDays(14));
    assertThat(policy.ticketPriorities()).containsEntry(Priority.P0, "Highest");
    assertThat(policy.ticketPriorities()).containsEntry(Priority.P1, "High");
    assertThat(policy.triage().has("rules")).isTrue();
    assertThat(policy.sha256()).hasSize(64);
    assertThat(policy.source()).isEqualTo("acme.yaml");
  }

  @Test
  void loadsFromFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("p.yaml"), "defaultPriority: P1\n");
    assertThat(PolicyLoader.load(file).defaultPriority()).isEqualTo(Priority.P1);
  }

  @Test
  void missingFileNamesIt(@TempDir Path dir) {
    assertThatThrownBy(() -> PolicyLoader.load(dir.resolve("nope.yaml")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("nope.yaml")
        .hasMessageContaining("not found");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown top-level field | colour: red | line 1 | unknown field 'colour'",
        "unknown preset | preset: bod-99 | preset | unknown preset 'bod-99'",
        "bad priority | defaultPriority: P7 | line 1 | invalid value 'P7' for defaultPriority; expected P0, P1, P2 or P3",
        "bad rule priority | 'priorities: [{id: a, priority: P9, when: {kev: true}}]' | line 1 | for priorities[0].priority; expected P0",
        "duplicate key | 'defaultPriority: P1\ndefaultPriority: P2' | line 2 | invalid YAML: Duplicate field 'defaultPriority'",
        "not a mapping | '[1, 2]' | line 1 | not a YAML mapping of policy fields",
        "negative duration | 'sla: {remediate: {P0: PT-500H}}' | sla.remediate.P0 | invalid duration 'PT-500H'",
        "huge duration | 'sla: {remediate: {P0: 99999999999999999999d}}' | sla.remediate.P0 | invalid duration",
        "long duration | 'sla: {remediate: {P0: 999999d}}' | sla.remediate.P0 | longer than ten years",
        "ticket epss out of range | 'ticket: {epssAbove: 1.5}' | ticket.epssAbove | out of range",
        "ticket cvss out of range | 'ticket: {cvssAbove: -4}' | ticket.cvssAbove | out of range",
        "ticket bad tier | 'ticket: {cvssCriticality: [gold]}' | ticket.cvssCriticality | unknown criticality 'gold'",
        "empty when | 'priorities: [{id: a, priority: P0, when: {}}]' | priorities[0] (a).when | no condition given",
        "bad duration | 'sla: {remediate: {P0: soon}}' | sla.remediate.P0 | invalid duration 'soon'",
        "rule without id | 'priorities: [{priority: P0, when: {kev: true}}]' | priorities[0] | rule without id",
        "rule without when | 'priorities: [{id: a, priority: P0}]' | priorities[0] (a) | missing 'when'",
        "epss out of range | 'priorities: [{id: a, priority: P0, when: {epssAtLeast: 2}}]' | (a).when | out of range",
        "unknown condition | 'priorities: [{id: a, priority: P0, when: {epss: 2}}]' | line 1 | unknown field 'priorities[0].when.epss'",
        "bad tier | 'priorities: [{id: a, priority: P0, when: {criticality: [gold]}}]' | (a).when | unknown criticality 'gold'",
        "bad severity | 'priorities: [{id: a, priority: P0, when: {severityAtLeast: huge}}]' | (a).when | unknown severity 'huge'",
      })
  void rejectsInvalidPolicy(String title, String yaml, String position, String problem) {
    assertThatThrownBy(() -> PolicyLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "bad.yaml"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("bad.yaml")
        .hasMessageContaining(position)
        .hasMessageContaining(problem);
  }

  @Test
  void partialTicketKeepsPresetClauses() throws Exception {
    Policy policy =
        PolicyLoader.parse("ticket: {kev: false}".getBytes(StandardCharsets.UTF_8), "p.yaml");
    assertThat(policy.ticket().kev()).isFalse();
    assertThat(policy.ticket().epssAbove()).isEqualTo(0.4);
    assertThat(policy.ticket().cvssAbove()).isEqualTo(9.0);
    assertThat(policy.ticket().cvssCriticality()).containsExactly("critical");
  }

  @Test
  void missingPolicyMentionsPresets(@TempDir Path dir) {
    assertThatThrownBy(() -> PolicyLoader.load(dir.resolve("nope.yaml")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("preset name: [default, bod-22-01]");
  }

  @Test
  void duplicateRuleIdsRejected() {
    String yaml =
        """
        priorities:
          - {id: a, priority: P0, when: {kev: true}}
          - {id: a, priority: P1, when: {kev: true}}
        """;
    assertThatThrownBy(() -> PolicyLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "dup.yaml"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("priorities[1] (a)")
        .hasMessageContaining("duplicate rule id");
  }

  @Test
  void emptyFileRejected() {
    assertThatThrownBy(() -> PolicyLoader.parse(new byte[0], "empty.yaml"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("empty.yaml");
  }
}
