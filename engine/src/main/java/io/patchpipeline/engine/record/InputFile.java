package io.patchpipeline.engine.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One input a run read, with its SHA-256 so that an auditor can prove which bytes were used.
 *
 * @param name the name shown to people: relative to the run's base folder when inside it
 * @param role {@code report}, {@code kev}, {@code epss}, {@code inventory} or {@code policy}
 * @param format the detected report format, or the feed's format
 * @param findings findings read from a report; 0 for other inputs
 * @param path the absolute path the file was read from, so later stages can find it again; empty in
 *     records written before this field existed and for inputs that are not files
 */
public record InputFile(
    String name,
    String role,
    String sha256,
    String format,
    String scanner,
    long findings,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) String path) {

  @JsonCreator
  public InputFile {
    path = Objects.requireNonNullElse(path, "");
  }

  /** Creates an input without a stored path. */
  public InputFile(
      String name, String role, String sha256, String format, String scanner, long findings) {
    this(name, role, sha256, format, scanner, findings, "");
  }
}
