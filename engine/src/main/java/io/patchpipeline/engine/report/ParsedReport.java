package io.patchpipeline.engine.report;

import java.util.Objects;

/** What a parser tells about one report once it has streamed all of it. */
public record ParsedReport(String file, String format, ScannerInfo scanner, long findings) {
  public ParsedReport {
    file = Objects.requireNonNullElse(file, "");
    format = Objects.requireNonNullElse(format, "");
    scanner = Objects.requireNonNullElse(scanner, new ScannerInfo("", ""));
  }
}
