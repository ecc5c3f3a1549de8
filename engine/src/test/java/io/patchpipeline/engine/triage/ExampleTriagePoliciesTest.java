package io.patchpipeline.engine.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.policy.PolicyLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Loads every example triage policy that users copy, so that none of them rots. */
class ExampleTriagePoliciesTest {
  private static final Path EXAMPLES = Path.of("..", "examples", "policies");

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "triage-default.yaml,   default,   3",
    "triage-bod-22-01.yaml, bod-22-01, 4",
    "triage-bod-26-04.yaml, bod-26-04, 16",
    "triage-custom.yaml,    custom,    4",
  })
  void exampleLoads(String file, String preset, int rules) throws Exception {
    TriagePolicy policy = TriagePolicies.of(PolicyLoader.load(EXAMPLES.resolve(file)));

    assertThat(policy.preset()).isEqualTo(file.equals("triage-default.yaml") ? "custom" : preset);
    assertThat(policy.rules()).hasSize(rules);
  }

  @Test
  void spelledOutDefaultMatchesPreset() throws Exception {
    TriagePolicy example =
        TriagePolicies.of(PolicyLoader.load(EXAMPLES.resolve("triage-default.yaml")));
    TriagePolicy preset = TriagePolicies.preset("default");

    assertThat(example.rules())
        .extracting(CompiledRule::id, CompiledRule::text, CompiledRule::outcome)
        .isEqualTo(
            preset.rules().stream()
                .map(r -> org.assertj.core.groups.Tuple.tuple(r.id(), r.text(), r.outcome()))
                .toList());
  }

  @Test
  void exampleSsvcFileLoads() throws Exception {
    SsvcInputs inputs = SsvcInputs.load(EXAMPLES.resolve("ssvc-example.yaml"));

    assertThat(inputs.lookup("CVE-2024-3094").technicalImpact())
        .contains(SsvcValues.TechnicalImpact.TOTAL);
  }
}
