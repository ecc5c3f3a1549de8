package io.patchpipeline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code patch-pipeline} command: one subcommand per stage, plus the bundled demo. */
@Command(
    name = "patch-pipeline",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Detect, triage, deploy and verify vulnerability patches.",
    subcommands = {DetectCommand.class, DeployCommand.class, DemoCommand.class})
public final class PatchPipelineCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** Returns the configured command line, also used by tests. */
  public static CommandLine newCommandLine() {
    CommandLine line = new CommandLine(new PatchPipelineCommand());
    line.setExecutionExceptionHandler(new ErrorHandler());
    return line;
  }
}
