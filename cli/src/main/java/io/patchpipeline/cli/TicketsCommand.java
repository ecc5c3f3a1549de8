package io.patchpipeline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tickets} command: work on the tickets of a remediation record. */
@Command(
    name = "tickets",
    mixinStandardHelpOptions = true,
    description = "Open, update and close the tickets of a remediation record.",
    subcommands = {TicketsSyncCommand.class})
final class TicketsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
