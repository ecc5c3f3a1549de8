package io.patchpipeline.engine.ledger;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;

/**
 * Flyway log that drops every line, since the engine does not log; a failed migration still reaches
 * the caller as an exception. Flyway instantiates it by class name.
 */
public final class QuietFlywayLog implements LogCreator, Log {
  @Override
  public Log createLogger(Class<?> type) {
    return this;
  }

  @Override
  public void debug(String message) {
    // Dropped: see the class comment.
  }

  @Override
  public void info(String message) {
    // Dropped: see the class comment.
  }

  @Override
  public void warn(String message) {
    // Dropped: see the class comment.
  }

  @Override
  public void error(String message) {
    // Dropped: see the class comment.
  }

  @Override
  public void error(String message, Exception e) {
    // Dropped: see the class comment.
  }

  @Override
  public void notice(String message) {
    // Dropped: see the class comment.
  }
}
