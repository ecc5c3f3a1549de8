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
  private final boolean requestSent;

  public TicketException(String message) {
    this(message, false);
  }

  /** Creates an exception for a request that the system received, or did not, as given. */
  public TicketException(String message, boolean requestSent) {
    super(message);
    this.outcomeUnknown = false;
    this.requestSent = requestSent;
  }

  public TicketException(String message, HttpException cause) {
    super(message, cause);
    this.outcomeUnknown = cause.outcomeUnknown();
    this.requestSent = cause.status() != 0 || cause.outcomeUnknown();
  }

  /** Returns whether the request may have taken effect although no response arrived. */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }

  /**
   * Returns whether the request reached the system: a response arrived, whatever its status, or the
   * outcome is unknown. A connection that failed before sending returns false.
   */
  public boolean requestSent() {
    return requestSent;
  }
}
