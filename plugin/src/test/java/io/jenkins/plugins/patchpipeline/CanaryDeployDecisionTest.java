package io.jenkins.plugins.patchpipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import hudson.AbortException;
import io.patchpipeline.engine.report.PackageKind;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jenkinsci.plugins.workflow.support.steps.input.ApproverAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inconclusive health: a Prometheus API on 127.0.0.1 answers every query with an empty vector, so
 * the wave has no data and the plan says to wait for a person. The step ends with {@code waiting};
 * a later call with {@code decide} takes the decider from the run's input approvals.
 */
class CanaryDeployDecisionTest {
  @TempDir Path folder;

  private HttpServer prometheus;
  private Path workspace;
  private final TestListener listener = new TestListener();
  private TestRun run;

  @BeforeEach
  void setUp() throws Exception {
    prometheus = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    prometheus.createContext(
        "/api/v1/query",
        exchange -> {
          byte[] body =
              "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    prometheus.start();
    workspace = Files.createDirectories(folder.resolve("ws"));
    run = new TestRun(Files.createDirectories(folder.resolve("build")));
    DeployFixtures.writeRecord(run, "php", PackageKind.APPLICATION, "8.3.8");
    Files.writeString(
        workspace.resolve("plan.yaml"),
        "tool: chocolatey\nchocolatey:\n  executable: 'true'\nhosts: [localhost]\nhold: 600ms\n"
            + "health:\n  interval: 200ms\n  minSamples: 2\n  noData: inconclusive\n  checks:\n"
            + "    - name: errors\n      prometheus: http://127.0.0.1:"
            + prometheus.getAddress().getPort()
            + "\n      query: 'sum(rate(errors_total[5m]))'\n      max: 1\n");
  }

  @AfterEach
  void stopServer() {
    prometheus.stop(0);
  }

  /** Runs one {@code canaryDeploy} call to its end and returns its context. */
  private TestStepContext call(String decide) throws Exception {
    TestStepContext context = DeployFixtures.context(run, listener, workspace);
    new CanaryDeployExecution(context, "plan.yaml", null, null, decide).start();
    DeployFixtures.awaitCompletion(context);
    return context;
  }

  private static Map<?, ?> result(TestStepContext context) {
    assertThat(context.failure()).isNull();
    return (Map<?, ?>) context.result();
  }

  @Test
  void noDataEndsStepWaiting() throws Exception {
    Map<?, ?> waiting = result(call(null));

    assertThat(waiting.get("result")).isEqualTo("waiting");
    assertThat(waiting.get("status")).isEqualTo("AWAITING_DECISION");
    assertThat(waiting.get("waitingWave")).isEqualTo("wave 1");
    assertThat((String) waiting.get("reason")).contains("samples with data");
    assertThat(listener.text())
        .contains("the rollout waits for a decision on wave 1")
        .contains("decide: 'continue'");
  }

  @Test
  void continueRecordsRecordedApprover() throws Exception {
    run.addAction(new ApproverAction("triager"));
    call(null);
    run.addAction(new ApproverAction("alice"));

    Map<?, ?> done = result(call("continue"));

    assertThat(done.get("result")).isEqualTo("succeeded");
    assertThat(done.get("status")).isEqualTo("SUCCEEDED");
    assertThat(done.get("decidedBy")).isEqualTo("alice");
    assertThat(run.getAction(DeployAction.class).getWaves().get(0).getDecision())
        .isEqualTo("inconclusive health data accepted by alice");
    assertThat(Files.readString(BuildRecords.file(run)))
        .contains("inconclusive health data accepted by alice");
  }

  @Test
  void rollbackDecisionNamesDecider() throws Exception {
    call(null);
    run.addAction(new ApproverAction("carol"));

    TestStepContext rolledBack = call("rollback");

    assertThat(rolledBack.failure())
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("ROLLED_BACK")
        .hasMessageContaining("rejected by carol");
  }

  @Test
  void staleApprovalIsNoDecision() throws Exception {
    run.addAction(new ApproverAction("triager"));
    call(null);

    TestStepContext stale = call("continue");

    assertThat(stale.failure())
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("No input step was approved after the rollout");
    assertThat(Files.readString(DeployStates.stateFile(run, "plan.yaml")))
        .contains("AWAITING_DECISION");
  }

  @Test
  void decisionWithoutWaitFails() throws Exception {
    Files.writeString(
        workspace.resolve("plan.yaml"),
        "tool: chocolatey\nchocolatey:\n  executable: 'true'\nhosts: [localhost]\n");
    call(null);
    run.addAction(new ApproverAction("alice"));

    TestStepContext late = call("continue");

    assertThat(late.failure())
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("not awaiting a decision");
  }

  @Test
  void unknownDecisionRejectedAtStart() {
    TestStepContext context = DeployFixtures.context(run, listener, workspace);
    CanaryDeployExecution execution =
        new CanaryDeployExecution(context, "plan.yaml", null, null, "proceed later");

    assertThatThrownBy(execution::start)
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("use continue or rollback");
  }
}
