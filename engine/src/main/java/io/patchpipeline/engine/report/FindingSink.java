package io.patchpipeline.engine.report;

/** Receiver of findings as a parser streams them; a parser never collects a whole report. */
public interface FindingSink {
  void accept(Finding finding);

  /**
   * Receives a finding that a VEX statement or a suppression in the report excludes, with the
   * analysis state ({@code not_affected}, {@code false_positive}) and the justification.
   */
  default void excluded(Finding finding, String state, String justification) {}

  /** Receives a problem that does not stop parsing, such as an entry without an id. */
  default void warning(String text) {}
}
