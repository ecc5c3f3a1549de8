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
      line.getErr().println("patch-pipeline: error: " + Terminal.safe(message(e)));
      return ExitCodes.EXTERNAL_FAILURE;
    }
    if (e instanceof InputException
        || e instanceof IOException
        || e instanceof UncheckedIOException) {
      line.getErr().println("patch-pipeline: error: " + Terminal.safe(message(e)));
      return ExitCodes.INPUT_ERROR;
    }
    line.getErr().println("patch-pipeline: internal error: " + e);
    for (StackTraceElement frame : e.getStackTrace()) {
      line.getErr().println("\tat " + frame);
    }
    return ExitCodes.INTERNAL_ERROR;
  }

  /**
   * Returns the message of a user error. A file system error names its file and reason, such as
   * "scans: Is a directory", because its bare message may be only the file name.
   */
  private static String message(Exception e) {
    Throwable error = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
    if (error instanceof java.nio.file.NoSuchFileException missing) {
      return missing.getFile() + ": file not found";
    }
    if (error instanceof java.nio.file.FileSystemException failed && failed.getReason() != null) {
      return failed.getFile() + ": " + failed.getReason();
    }
    return String.valueOf(error.getMessage());
  }
}
