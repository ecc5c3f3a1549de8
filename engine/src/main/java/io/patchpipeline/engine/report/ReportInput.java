package io.patchpipeline.engine.report;

import java.io.IOException;
import java.io.InputStream;

/** A report to parse: a display name for messages and a way to open its bytes, more than once. */
public interface ReportInput {
  /** Returns the name used in messages and records: the path as the user gave it. */
  String name();

  /** Opens the content; gzip is already undone. Each call starts at the first byte. */
  InputStream open() throws IOException;
}
