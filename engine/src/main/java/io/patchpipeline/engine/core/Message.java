package io.patchpipeline.engine.core;

/** One line that a result carries for the caller to print: the engine itself never logs. */
public record Message(Level level, String text) {
  /** How much a message matters to the reader of a build log. */
  public enum Level {
    INFO,
    WARNING,
    ERROR
  }

  @Override
  public String toString() {
    return level == Level.INFO ? text : level + ": " + text;
  }
}
