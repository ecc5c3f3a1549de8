package io.patchpipeline.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the command line in-process and keeps its exit code, standard output and error. */
final class CommandTester {
  final int exitCode;
  final String out;
  final String err;

  private CommandTester(int exitCode, String out, String err) {
    this.exitCode = exitCode;
    this.out = out;
    this.err = err;
  }

  static CommandTester of(int exitCode, String out, String err) {
    return new CommandTester(exitCode, out, err);
  }

  static CommandTester run(String... args) {
    CommandLine line = PatchPipelineCommand.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    int code = line.execute(args);
    return new CommandTester(code, out.toString(), err.toString());
  }
}
