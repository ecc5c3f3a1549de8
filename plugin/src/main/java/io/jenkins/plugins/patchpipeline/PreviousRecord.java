package io.jenkins.plugins.patchpipeline;

import hudson.model.Run;
import io.patchpipeline.engine.record.RecordStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The record of the latest earlier completed build of the same job that has one. Detect carries the
 * first-seen time of each finding over from it, so that a scheduled job keeps the SLA clock of a
 * finding that every run reports again.
 */
final class PreviousRecord {
  /** Earlier builds searched for a record, so that a long run of builds without one stays cheap. */
  static final int MAX_BUILDS = 20;

  private final byte[] json;
  private final List<String> lines;

  private PreviousRecord(byte[] json, List<String> lines) {
    this.json = json;
    this.lines = List.copyOf(lines);
  }

  /**
   * Finds the record of the latest earlier completed build that has a readable one. A record that
   * cannot be read is skipped with a console line, and the search goes on with the build before.
   */
  static PreviousRecord of(Run<?, ?> run) {
    List<String> lines = new ArrayList<>();
    Run<?, ?> previous = run.getPreviousCompletedBuild();
    for (int i = 0; previous != null && i < MAX_BUILDS; i++) {
      Path file = BuildRecords.file(previous);
      if (Files.isRegularFile(file)) {
        try {
          RecordStore.read(file);
          lines.add(Messages.Detect_PreviousRecord(previous.getNumber()));
          return new PreviousRecord(Files.readAllBytes(file), lines);
        } catch (IOException | RuntimeException e) {
          lines.add(Messages.Detect_PreviousRecordInvalid(previous.getNumber(), e.getMessage()));
        }
      }
      previous = previous.getPreviousCompletedBuild();
    }
    return new PreviousRecord(null, lines);
  }

  /** Returns the record as JSON, or {@code null} when no earlier build has a readable one. */
  byte[] json() {
    return json == null ? null : json.clone();
  }

  /** Returns the console lines that name the record used and the records skipped. */
  List<String> lines() {
    return lines;
  }
}
