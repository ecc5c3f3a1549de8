package io.jenkins.plugins.patchpipeline;

import hudson.model.Run;
import io.patchpipeline.engine.core.AtomicFiles;
import io.patchpipeline.engine.core.Hashing;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The rollout state of each plan deployed in a build, kept in the build folder beside the record. A
 * later {@code canaryDeploy} call of the same build with the same plan continues from it: after a
 * decision, or to report a rollout that has ended. Beside it, the number of input approvals that
 * the run had when the rollout began to wait, so that a decision needs a newer approval.
 */
final class DeployStates {
  private static final String FOLDER = "patch-pipeline/deploy";

  private DeployStates() {}

  /** Returns the state file for {@code plan}, named by a hash of the plan's path. */
  static Path stateFile(Run<?, ?> run, String plan) {
    return folder(run).resolve(key(plan) + ".state.json");
  }

  static byte[] readState(Run<?, ?> run, String plan) throws IOException {
    Path file = stateFile(run, plan);
    return Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
  }

  static void writeState(Run<?, ?> run, String plan, byte[] state) throws IOException {
    AtomicFiles.write(stateFile(run, plan), state);
  }

  /** Records how many input approvals the run had when the rollout began to wait. */
  static void markWaiting(Run<?, ?> run, String plan, int approvals) throws IOException {
    AtomicFiles.write(
        waitingFile(run, plan), Integer.toString(approvals).getBytes(StandardCharsets.US_ASCII));
  }

  /** Returns the approvals counted by {@link #markWaiting}, or 0 when none were recorded. */
  static int approvalsWhenWaiting(Run<?, ?> run, String plan) throws IOException {
    Path file = waitingFile(run, plan);
    if (!Files.exists(file)) {
      return 0;
    }
    try {
      return Integer.parseInt(Files.readString(file, StandardCharsets.US_ASCII).trim());
    } catch (NumberFormatException e) {
      throw new IOException("Invalid approval count in " + file + "; delete the file", e);
    }
  }

  private static Path waitingFile(Run<?, ?> run, String plan) {
    return folder(run).resolve(key(plan) + ".waiting");
  }

  private static Path folder(Run<?, ?> run) {
    return new File(run.getRootDir(), FOLDER).toPath();
  }

  private static String key(String plan) {
    return Hashing.sha256(plan.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
  }
}
