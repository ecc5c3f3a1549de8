package io.patchpipeline.engine.http;

import java.io.IOException;
import java.util.Optional;

/**
 * A request that failed: an error status, a response lost after sending, or retries that ran out.
 * The message names the method and URL and never contains a credential.
 */
public class HttpException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final boolean outcomeUnknown;
  private final transient ApiResponse response;

  private final String reason;

  HttpException(
      String message, String reason, int status, boolean outcomeUnknown, ApiResponse response) {
    super(message);
    this.reason = reason;
    this.status = status;
    this.outcomeUnknown = outcomeUnknown;
    this.response = response;
  }

  /**
   * Returns what failed without the method and URL, such as {@code HTTP 503} or {@code timed out
   * after 500 ms}, for messages that must not show a URL whose query may carry a token.
   */
  public String reason() {
    return reason;
  }

  /** Returns the HTTP status of the last response, or 0 when none arrived. */
  public int status() {
    return status;
  }

  /**
   * Returns whether a non-idempotent request may have taken effect: it was sent, but the response
   * was lost (timeout, dropped connection, 502 or 504 from a gateway). The caller must check the
   * server's state, for example search by a dedup key, before it sends the request again.
   */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }

  /** Returns the last response, absent when none arrived. */
  public Optional<ApiResponse> response() {
    return Optional.ofNullable(response);
  }
}
