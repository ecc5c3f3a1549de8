package io.jenkins.plugins.patchpipeline;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds, workspaces and records for {@code canaryDeploy} tests: one unit approved by policy. */
final class DeployFixtures {
  private DeployFixtures() {}

  /**
   * Writes a record whose unit PP-1 fixes {@code name} at {@code fixed} over the installed 8.3.6,
   * approved by policy.
   */
  static void writeRecord(Run<?, ?> run, String name, PackageKind kind, String fixed)
      throws Exception {
    RemediationUnit unit =
        new RemediationUnit(
            "PP-1",
            "key",
            "win",
            name,
            "chocolatey",
            kind,
            fixed,
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

  /** Returns a context with the build, the log and the workspace, as {@code node} provides. */
  static TestStepContext context(Run<?, ?> run, TaskListener listener, Path workspace) {
    return attach(new TestStepContext(), run, listener, workspace);
  }

  /** Attaches the context objects again, as Jenkins does after loading the program. */
  static TestStepContext attach(
      TestStepContext context, Run<?, ?> run, TaskListener listener, Path workspace) {
    return context
        .with(Run.class, run)
        .with(TaskListener.class, listener)
        .with(FilePath.class, new FilePath(workspace.toFile()));
  }

  /** Writes an executable script that appends its arguments to {@code calls}. */
  static Path recordingTool(Path folder, String name, Path calls, String extra) throws Exception {
    Path tool = folder.resolve(name);
    Files.writeString(
        tool,
        "#!/bin/sh\necho \"$@\" >> '" + calls + "'\n" + extra + (extra.isEmpty() ? "" : "\n"));
    if (!tool.toFile().setExecutable(true)) {
      throw new IllegalStateException("cannot make " + tool + " executable");
    }
    return tool;
  }

  /** Waits up to 30 seconds for {@code context} to complete. */
  static void awaitCompletion(TestStepContext context) throws InterruptedException {
    for (int i = 0; i < 600 && !context.isCompleted(); i++) {
      Thread.sleep(50);
    }
    if (!context.isCompleted()) {
      throw new AssertionError("the step did not complete within 30 seconds");
    }
  }

  /** Waits up to 12 seconds for the body run number {@code index} (from 0) to start. */
  static TestBodyInvoker awaitBody(TestStepContext context, int index) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      List<TestBodyInvoker> runs = context.invocations();
      if (runs.size() > index && runs.get(index).isStarted()) {
        return runs.get(index);
      }
      if (context.isCompleted()) {
        throw new AssertionError("the step completed before body run " + index, context.failure());
      }
      Thread.sleep(20);
    }
    throw new AssertionError("body run " + index + " did not start within 12 seconds");
  }
}
