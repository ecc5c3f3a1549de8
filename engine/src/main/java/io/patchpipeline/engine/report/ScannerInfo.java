package io.patchpipeline.engine.report;

import java.util.Objects;

/** The scanner that wrote a report, with its version where the report gives it. */
public record ScannerInfo(String name, String version) {
  public ScannerInfo {
    name = Objects.requireNonNullElse(name, "");
    version = Objects.requireNonNullElse(version, "");
  }
}
