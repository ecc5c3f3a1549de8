package io.patchpipeline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code patch-pipeline} command: one subcommand per stage, plus the bundled demo. */
@Command(
    name = "patch-pipeline",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Detect, triage, deploy and verify vulnerability patches.",
    subcommands = {
      DetectCommand.class,
      TicketsCommand.class,
      TriageCommand.class,
      DeployCommand.class,
      VerifyCommand.class,
      EvidenceCommand.class,
      ReportCommand.class,
      DemoCommand.class
    })
public final class PatchPipelineCommand implements java.util.concurrent.Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Prints the usage on stderr: a call without a subcommand is a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().getErr().println("patch-pipeline: missing command");
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.INPUT_ERROR;
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
