package io.patchpipeline.cli;

import io.patchpipeline.engine.service.Progress;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints "Reading FILE: N findings" on stderr as a long run goes on. */
final class ProgressLine implements Progress {
  private final PrintWriter err;

  ProgressLine(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void reading(String file, long findingsSoFar) {
    if (findingsSoFar == 0) {
      err.println("Reading " + file);
    } else {
      err.println(
          String.format(Locale.ROOT, "Reading %s: %,d findings so far", file, findingsSoFar));
    }
    err.flush();
  }
}
