package io.patchpipeline.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.ticket.ChangeRequestStates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeRequestPlanTest {
  @TempDir Path folder;

  private Optional<ChangeRequestPlan> read(String yaml) throws Exception {
    Path plan = folder.resolve("plan.yaml");
    Files.writeString(plan, "tool: ansible\n" + yaml);
    return ChangeRequestPlan.read(plan);
  }

  @Test
  void planWithoutChangeRequestHasNone() throws Exception {
    assertThat(read("")).isEmpty();
  }

  @Test
  void numberAloneUsesDefaultStates() throws Exception {
    ChangeRequestPlan plan = read("changeRequest: CHG0030001\n").orElseThrow();

    assertThat(plan.reference()).isEqualTo("CHG0030001");
    assertThat(plan.system()).isEmpty();
    assertThat(plan.states()).isEqualTo(ChangeRequestStates.DEFAULTS);
    assertThat(plan.states().implement()).isEqualTo("-1");
    assertThat(plan.states().review()).isEqualTo("0");
  }

  @Test
  void mappingSetsSystemAndStates() throws Exception {
    ChangeRequestPlan plan =
        read("changeRequest:\n  number: 0123456789abcdef0123456789abcdef\n  system: snow-prod\n"
                + "  states:\n    implement: '20'\n    review: '30'\n    failed: '4'\n")
            .orElseThrow();

    assertThat(plan.reference()).isEqualTo("0123456789abcdef0123456789abcdef");
    assertThat(plan.system()).contains("snow-prod");
    assertThat(plan.states()).isEqualTo(new ChangeRequestStates("20", "30", Optional.of("4")));
    assertThat(plan.withReference("CHG0000002").reference()).isEqualTo("CHG0000002");
  }

  @Test
  void invalidNumberNamesTheKey() {
    assertThatThrownBy(() -> read("changeRequest:\n  number: 'CHG 1'\n"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("/changeRequest/number")
        .hasMessageContaining("invalid change request 'CHG 1'");
    assertThatThrownBy(() -> read("changeRequest: chg-1\n"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("/changeRequest");
  }
}
