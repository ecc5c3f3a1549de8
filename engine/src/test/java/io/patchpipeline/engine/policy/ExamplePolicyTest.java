package io.patchpipeline.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps examples/patch-policy.yaml equal to the built-in default it claims to spell out. */
class ExamplePolicyTest {
  @Test
  void examplePolicyEqualsDefaultPreset() throws Exception {
    Policy example = PolicyLoader.load(Path.of("..", "examples", "patch-policy.yaml"));
    Policy builtIn = Presets.defaultPolicy();
    assertThat(example.priorities()).isEqualTo(builtIn.priorities());
    assertThat(example.ticket()).isEqualTo(builtIn.ticket());
    assertThat(example.sla()).isEqualTo(builtIn.sla());
    assertThat(example.ticketPriorities()).isEqualTo(builtIn.ticketPriorities());
    assertThat(example.defaultPriority()).isEqualTo(builtIn.defaultPriority());
    assertThat(example.kevDueDates()).isEqualTo(builtIn.kevDueDates());
  }
}
