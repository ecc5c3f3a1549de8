package io.jenkins.plugins.patchpipeline;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.record.Complexity;
import io.patchpipeline.engine.record.InputFile;
import io.patchpipeline.engine.record.IntelInfo;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RecordStore;
import io.patchpipeline.engine.record.RemediationUnit;
import io.patchpipeline.engine.report.PackageKind;
import io.patchpipeline.engine.triage.Outcome;
import io.patchpipeline.engine.triage.TriageDecision;
import io.patchpipeline.engine.triage.TriageRecords;
import io.patchpipeline.engine.triage.TriageSection;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code canaryDeploy} with a Chocolatey plan whose {@code choco} is {@code true}, so every
 * wave succeeds on this machine; holds are one second long and run on the timer.
 */
class CanaryDeployExecutionTest {
  @TempDir Path workspace;
  @TempDir Path buildDir;

  private final TestListener listener = new TestListener();
  private TestRun run;
  private TestStepContext context;

  @BeforeEach
  void setUp() throws Exception {
    run = new TestRun(buildDir);
    context =
        new TestStepContext()
            .with(Run.class, run)
            .with(TaskListener.class, listener)
            .with(FilePath.class, new FilePath(workspace.toFile()));
    RemediationUnit unit =
        new RemediationUnit(
            "PP-1",
            "key",
            "win",
            "php",
            "chocolatey",
            PackageKind.APPLICATION,
            "8.3.8",
            List.of("8.3.6"),
            List.of("CVE-2024-4577"),
            List.of("CVE-2024-4577"),
            List.of("localhost"),
            List.of("localhost"),
            List.of("ops"),
            Priority.P1,
            Instant.parse("2026-03-10T00:00:00Z"),
            true,
            "High",
            true,
            Optional.of(9.8),
            Optional.of(0.9),
            Complexity.values()[0],
            List.of(),
            List.of());
    Instant at = Instant.parse("2026-03-01T10:00:00Z");
    TriageDecision decision =
        new TriageDecision(
            "PP-1",
            "P1",
            Outcome.AUTO_APPROVED,
            "routine",
            "",
            Map.of(),
            List.of(),
            "",
            "",
            "",
            Optional.empty(),
            Optional.empty(),
            "",
            Optional.empty(),
            "",
            "built-in",
            "",
            TriageDecision.BY_POLICY,
            at);
    TriageSection triage =
        new TriageSection(
            TriageSection.SCHEMA_VERSION,
            "default",
            "",
            "built-in",
            "",
            at,
            Optional.empty(),
            List.of(),
            Set.of(),
            List.of(decision),
            List.of(),
            List.of());
    PatchRecord record =
        new PatchRecord(
            PatchRecord.SCHEMA_VERSION,
            "run-1",
            Instant.parse("2026-03-01T00:00:00Z"),
            List.of(),
            IntelInfo.NONE,
            new InputFile("built-in default", "policy", "", "", "", 0),
            List.of(),
            List.of(),
            List.of(unit),
            List.of(),
            List.of(),
            Map.of());
    BuildRecords.write(run, RecordStore.toBytes(TriageRecords.write(record, triage)));
  }

  private void plan(String yaml) throws Exception {
    Files.writeString(workspace.resolve("plan.yaml"), yaml);
  }

  private void awaitCompletion() throws InterruptedException {
    for (int i = 0; i < 600 && !context.isCompleted(); i++) {
      Thread.sleep(50);
    }
    assertThat(context.isCompleted()).as("step completed").isTrue();
  }

  @Test
  void holdsRunOnTheTimerAndTheSummaryIsReturned() throws Exception {
    plan("tool: chocolatey\nchocolatey:\n  executable: 'true'\nhosts: [localhost]\nhold: 1s\n");
    CanaryDeployExecution execution = new CanaryDeployExecution(context, "plan.yaml", "PP-1");

    boolean done = execution.start();
    awaitCompletion();

    assertThat(done).isFalse();
    assertThat(context.failure()).isNull();
    Map<?, ?> result = (Map<?, ?>) context.result();
    assertThat(result.get("status")).isEqualTo("SUCCEEDED");
    assertThat(result.get("units")).isEqualTo(List.of("PP-1"));
    assertThat(context.saves()).isGreaterThanOrEqualTo(2);
    assertThat(run.getAction(DeployAction.class).getWaves())
        .extracting(DeployAction.WaveRow::getPhase)
        .containsExactly("PASSED");
    assertThat(BuildRecords.read(run).stage("deploy")).isPresent();
    assertThat(listener.text()).contains("Patch Pipeline: wave 1: holding until");
  }

  @Test
  void serializedInHoldResumesWithoutRedeploying() throws Exception {
    Path choco = workspace.resolve("choco.sh");
    Files.writeString(choco, "#!/bin/sh\necho \"$@\" >> " + workspace.resolve("calls.txt") + "\n");
    choco.toFile().setExecutable(true);
    plan(
        "tool: chocolatey\nchocolatey:\n  executable: "
            + choco
            + "\nhosts: [localhost]\nhold: 2s\n");
    CanaryDeployExecution execution = new CanaryDeployExecution(context, "plan.yaml", null);
    execution.advance();
    String statusInHold = execution.getStatus();

    CanaryDeployExecution restored = copy(execution);
    TestStepContext restoredContext =
        ((TestStepContext) restored.getContext())
            .with(Run.class, run)
            .with(TaskListener.class, listener)
            .with(FilePath.class, new FilePath(workspace.toFile()));
    restored.onResume();
    context = restoredContext;
    awaitCompletion();

    assertThat(statusInHold).startsWith("rollout RUNNING, next step at");
    assertThat(restoredContext.failure()).isNull();
    assertThat(((Map<?, ?>) restoredContext.result()).get("status")).isEqualTo("SUCCEEDED");
    assertThat(Files.readAllLines(workspace.resolve("calls.txt")))
        .containsExactly("upgrade php --version 8.3.8 --yes --no-progress");
  }

  @Test
  void unknownPlanFailsWithOneLine() throws Exception {
    CanaryDeployExecution execution = new CanaryDeployExecution(context, "missing.yaml", null);

    execution.advance();

    assertThat(context.failure())
        .isInstanceOf(AbortException.class)
        .hasMessageContaining("plan not found");
  }

  private static CanaryDeployExecution copy(CanaryDeployExecution execution) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(execution);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (CanaryDeployExecution) in.readObject();
    }
  }
}
