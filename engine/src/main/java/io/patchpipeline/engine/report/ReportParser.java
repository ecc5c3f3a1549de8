package io.patchpipeline.engine.report;

import java.io.IOException;

/**
 * Reads one report format. Implementations are stateless and thread-safe; {@link #parse} streams,
 * so memory does not grow with the number of findings.
 */
public interface ReportParser {
  /** Returns the format's stable id, as in {@code trivy}, {@code nessus}, {@code sarif}. */
  String format();

  /**
   * Returns how sure this parser is that {@code head}, the first characters of a file, is its
   * format: 0 for no, higher for more specific evidence (a schema marker beats a field name).
   */
  int detect(String head);

  /**
   * Streams the findings of {@code input} to {@code sink}.
   *
   * @throws io.patchpipeline.engine.core.InputException when the content is not valid for this
   *     format; the message names the file, position and what was expected
   */
  ParsedReport parse(ReportInput input, FindingSink sink) throws IOException;
}
