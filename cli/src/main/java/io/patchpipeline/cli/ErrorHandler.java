package io.patchpipeline.cli;

import io.patchpipeline.engine.core.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a user error as one line on stderr, without a stack trace, and exits with {@link
 * ExitCodes#INPUT_ERROR}, or {@link ExitCodes#EXTERNAL_FAILURE} for a failed external system;
 * anything else is a bug and keeps its stack trace.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine line, ParseResult parsed) {
    if (e instanceof ExternalSystemException) {
      line.getErr().println("patch-pipeline: error: " + e.getMessage());
      return ExitCodes.EXTERNAL_FAILURE;
    }
    if (e instanceof InputException
        || e instanceof IOException
        || e instanceof UncheckedIOException) {
      line.getErr().println("patch-pipeline: error: " + e.getMessage());
      return ExitCodes.INPUT_ERROR;
    }
    line.getErr().println("patch-pipeline: internal error: " + e);
    for (StackTraceElement frame : e.getStackTrace()) {
      line.getErr().println("\tat " + frame);
    }
    return ExitCodes.INTERNAL_ERROR;
  }
}
