package io.patchpipeline.engine.deploy.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Runs real child processes and reads back the environment they received. */
class LocalCommandRunnerTest {
  private static final Command PRINT_HOME =
      Command.of(List.of("sh", "-c", "echo \"home=${HOME-unset}\""), Duration.ofSeconds(30));

  @Test
  void withheldVariableIsNotInherited() throws Exception {
    assumeTrue(System.getenv("HOME") != null, "HOME is not set in this environment");

    CommandResult inherited = new LocalCommandRunner().run(PRINT_HOME);
    CommandResult withheld =
        new LocalCommandRunner().withoutVariables(Set.of("HOME")).run(PRINT_HOME);

    assertThat(inherited.output()).contains("home=" + System.getenv("HOME"));
    assertThat(withheld.output()).contains("home=unset");
  }

  @Test
  void commandEnvironmentIsStillSet() throws Exception {
    CommandResult result =
        new LocalCommandRunner()
            .withoutVariables(Set.of("HOME"))
            .run(PRINT_HOME.withEnvironment(Map.of("HOME", "/srv/deploy")));

    assertThat(result.output()).contains("home=/srv/deploy");
  }
}
