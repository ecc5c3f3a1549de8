package io.jenkins.plugins.patchpipeline;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import hudson.model.TaskListener;
import io.patchpipeline.engine.report.PackageKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code canaryDeploy} with a Chocolatey plan whose {@code choco} is {@code true} or a script
 * that records its calls, so every wave succeeds on this machine; holds are one or two seconds long
 * and wait on the timer.
 */
class CanaryDeployExecutionTest {
  @TempDir Path folder;

  private Path workspace;
  private final ThreadListener listener = new ThreadListener();
  private TestRun run;
  private TestStepContext context;

  /** A build log that also records which threads wrote to it. */
  static final class ThreadListener implements TaskListener {
    private static final long serialVersionUID = 1L;

    final transient Set<String> threads = ConcurrentHashMap.newKeySet();
    private final transient ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final transient PrintStream logger =
        new PrintStream(bytes, true, StandardCharsets.UTF_8) {
          @Override
          public void println(String line) {
            threads.add(Thread.currentThread().getName());
            super.println(line);
          }
        };

    @Override
    public PrintStream getLogger() {
      return logger;
    }

    String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    workspace = Files.createDirectories(folder.resolve("ws"));
    run = new TestRun(Files.createDirectories(folder.resolve("build")));
    context = DeployFixtures.context(run, listener, workspace);
    DeployFixtures.writeRecord(run, "php", PackageKind.APPLICATION, "8.3.8");
  }

  private void plan(String yaml) throws Exception {
    Files.writeString(workspace.resolve("plan.yaml"), yaml);
  }

  private CanaryDeployExecution execution(String approved) {
    return new CanaryDeployExecution(context, "plan.yaml", approved, null, null);
  }

  @Test
  void holdsOnTimerStepsOnRolloutThreads() throws Exception {
    plan("tool: chocolatey\nchocolatey:\n  executable: 'true'\nhosts: [localhost]\nhold: 1s\n");
    CanaryDeployExecution execution = execution("PP-1");

    boolean done = execution.start();
    DeployFixtures.awaitCompletion(context);

    assertThat(done).isFalse();
    assertThat(context.failure()).isNull();
    Map<?, ?> result = (Map<?, ?>) context.result();
    assertThat(result.get("result")).isEqualTo("succeeded");
    assertThat(result.get("status")).isEqualTo("SUCCEEDED");
    assertThat(result.get("units")).isEqualTo(List.of("PP-1"));
    assertThat(context.saves()).isGreaterThanOrEqualTo(2);
    assertThat(run.getAction(DeployAction.class).getWaves())
        .extracting(DeployAction.WaveRow::getPhase)
        .containsExactly("PASSED");
    assertThat(BuildRecords.read(run).stage("deploy")).isPresent();
    assertThat(DeployStates.stateFile(run, "plan.yaml")).exists();
    assertThat(listener.text()).contains("Patch Pipeline: wave 1: holding until");
    assertThat(listener.threads).isNotEmpty();
    assertThat(listener.threads).allMatch(name -> name.startsWith("Patch Pipeline rollout "));
  }

  @Test
  void serializedInHoldResumesWithoutRedeploying() throws Exception {
    Path calls = folder.resolve("calls.txt");
    Path choco = DeployFixtures.recordingTool(folder, "choco.sh", calls, "");
    plan(
        "tool: chocolatey\nchocolatey:\n  executable: "
            + choco
            + "\nhosts: [localhost]\nhold: 2s\n");
    CanaryDeployExecution execution = execution(null);
    execution.advance();
    String statusInHold = execution.getStatus();

    CanaryDeployExecution restored = copy(execution);
    TestStepContext restoredContext =
        DeployFixtures.attach((TestStepContext) restored.getContext(), run, listener, workspace);
    restored.onResume();
    DeployFixtures.awaitCompletion(restoredContext);

    assertThat(statusInHold).startsWith("rollout RUNNING, next step at");
    assertThat(restoredContext.failure()).isNull();
    assertThat(((Map<?, ?>) restoredContext.result()).get("status")).isEqualTo("SUCCEEDED");
    assertThat(Files.readAllLines(calls))
        .containsExactly("upgrade php --version 8.3.8 --yes --no-progress");
  }

  @Test
  void secondCallReportsFinishedRollout() throws Exception {
    Path calls = folder.resolve("calls.txt");
    Path choco = DeployFixtures.recordingTool(folder, "choco.sh", calls, "");
    plan("tool: chocolatey\nchocolatey:\n  executable: " + choco + "\nhosts: [localhost]\n");
    execution(null).advance();
    TestStepContext second = DeployFixtures.context(run, listener, workspace);

    new CanaryDeployExecution(second, "plan.yaml", null, null, null).advance();

    assertThat(((Map<?, ?>) second.result()).get("status")).isEqualTo("SUCCEEDED");
    assertThat(listener.text()).contains("has already finished: SUCCEEDED");
    assertThat(Files.readAllLines(calls)).hasSize(1);
  }

  @Test
  void unknownPlanFailsWithOneLine() throws Exception {
    CanaryDeployExecution execution =
        new CanaryDeployExecution(context, "missing.yaml", null, null, null);

    execution.advance();

    assertThat(context.failure())
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("plan not found");
  }

  @Test
  void stopInHoldFailsStep() throws Exception {
    plan("tool: chocolatey\nchocolatey:\n  executable: 'true'\nhosts: [localhost]\nhold: 1h\n");
    CanaryDeployExecution execution = execution(null);
    execution.advance();
    AbortException abort = new AbortException("aborted by the user");

    execution.stop(abort);

    assertThat(context.failure()).isSameAs(abort);
    assertThat(execution.isStopping()).isTrue();
  }

  static <T> T copy(T object) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(object);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      @SuppressWarnings("unchecked")
      T copy = (T) in.readObject();
      return copy;
    }
  }
}
