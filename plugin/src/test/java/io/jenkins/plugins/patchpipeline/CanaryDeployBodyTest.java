package io.jenkins.plugins.patchpipeline;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import hudson.EnvVars;
import io.patchpipeline.engine.report.PackageKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The block form: a {@code tool: block} plan runs the step's body once per wave. The test plays the
 * pipeline: it reads what the step passed to each body run and ends the run through its callback.
 */
class CanaryDeployBodyTest {
  private static final String PLAN =
      "tool: block\nhosts: [web1, web2, web3, web4]\nwaves: ['50%', '100%']\nhold: 0s\n";

  @TempDir Path folder;

  private Path workspace;
  private final TestListener listener = new TestListener();
  private TestRun run;
  private TestStepContext context;

  @BeforeEach
  void setUp() throws Exception {
    workspace = Files.createDirectories(folder.resolve("ws"));
    run = new TestRun(Files.createDirectories(folder.resolve("build")));
    context = DeployFixtures.context(run, listener, workspace).withBody();
    DeployFixtures.writeRecord(run, "openssl", PackageKind.OS, "3.0.13-1");
    Files.writeString(workspace.resolve("plan.yaml"), PLAN);
  }

  private CanaryDeployExecution start() throws Exception {
    CanaryDeployExecution execution =
        new CanaryDeployExecution(context, "plan.yaml", null, null, null);
    execution.start();
    return execution;
  }

  private static void pass(TestBodyInvoker body) {
    body.callback().onSuccess(null, null);
  }

  @Test
  void bodyRunsPerWaveWithWaveEnvironment() throws Exception {
    start();

    TestBodyInvoker first = DeployFixtures.awaitBody(context, 0);
    EnvVars env = first.environment();
    pass(first);
    TestBodyInvoker second = DeployFixtures.awaitBody(context, 1);
    EnvVars secondEnv = second.environment();
    pass(second);
    DeployFixtures.awaitCompletion(context);

    assertThat(env.get("CANARY_HOSTS")).isEqualTo("web1 web2");
    assertThat(env.get("CANARY_HOSTS_CSV")).isEqualTo("web1,web2");
    assertThat(env.get("CANARY_WAVE")).isEqualTo("wave 1");
    assertThat(env.get("CANARY_WAVE_INDEX")).isEqualTo("0");
    assertThat(env.get("CANARY_WAVE_COUNT")).isEqualTo("2");
    assertThat(env.get("CANARY_WAVE_KIND")).isEqualTo("canary");
    assertThat(env.get("CANARY_ACTION")).isEqualTo("deploy");
    assertThat(env.get("CANARY_UNITS")).isEqualTo("PP-1");
    assertThat(env.get("CANARY_PACKAGES")).isEqualTo("openssl=3.0.13-1");
    assertThat(secondEnv.get("CANARY_HOSTS")).isEqualTo("web3 web4");
    assertThat(secondEnv.get("CANARY_WAVE_INDEX")).isEqualTo("1");
    assertThat(context.failure()).isNull();
    assertThat(((Map<?, ?>) context.result()).get("status")).isEqualTo("SUCCEEDED");
    assertThat(context.invocations()).hasSize(2);
    assertThat(run.getAction(DeployAction.class).getWaves())
        .extracting(DeployAction.WaveRow::getPhase)
        .containsExactly("PASSED", "PASSED");
    assertThat(listener.text())
        .contains("wave 1: running the canaryDeploy body (deploy) for web1, web2");
  }

  @Test
  void failedBodyRollsBackThroughBody() throws Exception {
    start();

    pass(DeployFixtures.awaitBody(context, 0));
    TestBodyInvoker failing = DeployFixtures.awaitBody(context, 1);
    failing.callback().onFailure(null, new AbortException("script returned exit code 1"));
    TestBodyInvoker rollbackSecond = DeployFixtures.awaitBody(context, 2);
    EnvVars rollbackEnv = rollbackSecond.environment();
    pass(rollbackSecond);
    TestBodyInvoker rollbackFirst = DeployFixtures.awaitBody(context, 3);
    EnvVars firstRollbackEnv = rollbackFirst.environment();
    pass(rollbackFirst);
    DeployFixtures.awaitCompletion(context);

    assertThat(rollbackEnv.get("CANARY_ACTION")).isEqualTo("rollback");
    assertThat(rollbackEnv.get("CANARY_HOSTS")).isEqualTo("web3 web4");
    assertThat(firstRollbackEnv.get("CANARY_ACTION")).isEqualTo("rollback");
    assertThat(firstRollbackEnv.get("CANARY_HOSTS")).isEqualTo("web1 web2");
    assertThat(context.failure())
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("ROLLED_BACK")
        .hasMessageContaining("the block failed with AbortException");
    assertThat(run.getAction(DeployAction.class).getWaves())
        .extracting(DeployAction.WaveRow::getPhase)
        .containsExactly("ROLLED_BACK", "ROLLED_BACK");
  }

  @Test
  void interruptedBodyStopsWithoutRollback() throws Exception {
    start();
    TestBodyInvoker first = DeployFixtures.awaitBody(context, 0);
    InterruptedException abort = new InterruptedException("aborted");

    first.callback().onFailure(null, abort);
    Thread.sleep(500);

    assertThat(context.failure()).isSameAs(abort);
    assertThat(context.invocations()).hasSize(1);
  }

  @Test
  void stopDuringBodyCancelsIt() throws Exception {
    CanaryDeployExecution execution = start();
    TestBodyInvoker first = DeployFixtures.awaitBody(context, 0);
    AbortException abort = new AbortException("aborted by the user");

    execution.stop(abort);
    first.callback().onFailure(null, first.execution().cancelled);

    assertThat(first.execution().cancelled).isSameAs(abort);
    assertThat(context.failure()).isSameAs(abort);
    assertThat(context.invocations()).hasSize(1);
  }

  @Test
  void restartDuringBodyResumesFromCallback() throws Exception {
    CanaryDeployExecution execution = start();
    TestBodyInvoker first = DeployFixtures.awaitBody(context, 0);
    String statusDuringBody = execution.getStatus();

    // The program is saved as one object graph, so the callback still reaches the execution.
    Object[] restored = CanaryDeployExecutionTest.copy(new Object[] {execution, first.callback()});
    CanaryDeployExecution resumed = (CanaryDeployExecution) restored[0];
    BodyExecutionCallback callback = (BodyExecutionCallback) restored[1];
    TestStepContext resumedContext =
        DeployFixtures.attach((TestStepContext) resumed.getContext(), run, listener, workspace);
    resumed.onResume();
    Thread.sleep(500);
    int runsAfterResume = resumedContext.invocations().size();
    callback.onSuccess(null, null);
    TestBodyInvoker second = DeployFixtures.awaitBody(resumedContext, 0);
    String secondWave = second.environment().get("CANARY_WAVE");
    pass(second);
    DeployFixtures.awaitCompletion(resumedContext);

    assertThat(statusDuringBody).isEqualTo("running the body for wave 1 (deploy)");
    assertThat(runsAfterResume).isZero();
    assertThat(secondWave).isEqualTo("wave 2");
    assertThat(resumedContext.failure()).isNull();
    assertThat(((Map<?, ?>) resumedContext.result()).get("wavesPassed")).isEqualTo(2L);
    assertThat(context.invocations()).hasSize(1);
  }

  @Test
  void bodyWithAnotherToolFails() throws Exception {
    Files.writeString(
        workspace.resolve("plan.yaml"),
        "tool: chocolatey\nchocolatey:\n  executable: 'true'\nhosts: [localhost]\n");

    start();
    DeployFixtures.awaitCompletion(context);

    assertThat(context.failure())
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("uses tool 'chocolatey'");
    assertThat(context.invocations()).isEmpty();
  }

  @Test
  void blockPlanWithoutBodyFails() throws Exception {
    TestStepContext noBody = DeployFixtures.context(run, listener, workspace);

    new CanaryDeployExecution(noBody, "plan.yaml", null, null, null).start();
    DeployFixtures.awaitCompletion(noBody);

    assertThat(noBody.failure())
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("give the step a body");
  }

  @Test
  void bodyResultMatchesOnlyItsWave() {
    WaveBlock block =
        new WaveBlock(
            0,
            2,
            "wave 1",
            "canary",
            new java.util.ArrayList<>(List.of("web1")),
            new java.util.ArrayList<>(List.of("PP-1")),
            new java.util.ArrayList<>(List.of("openssl=3")),
            false);

    BodyResult result = BodyResult.failed(block, new AbortException("token=abc123"));

    assertThat(result.matches("wave 1", false)).isTrue();
    assertThat(result.matches("wave 1", true)).isFalse();
    assertThat(result.matches("wave 2", false)).isFalse();
    assertThat(result.detail()).doesNotContain("abc123");
  }
}
