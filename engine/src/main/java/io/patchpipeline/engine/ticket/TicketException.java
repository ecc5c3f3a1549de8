package io.patchpipeline.engine.ticket;

import io.patchpipeline.engine.http.HttpException;
import java.io.IOException;

/**
 * A ticket system rejected a request or could not be reached. For a rejected request the message
 * names the fields the system named, such as {@code priority: Specify a valid priority}; it never
 * contains a credential.
 */
public class TicketException extends IOException {
  private static final long serialVersionUID = 1L;

  private final boolean outcomeUnknown;

  public TicketException(String message) {
    super(message);
    this.outcomeUnknown = false;
  }

  public TicketException(String message, HttpException cause) {
    super(message, cause);
    this.outcomeUnknown = cause.outcomeUnknown();
  }

  /** Returns whether the request may have taken effect although no response arrived. */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }
}
