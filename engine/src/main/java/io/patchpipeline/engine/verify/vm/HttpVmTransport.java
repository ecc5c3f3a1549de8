package io.patchpipeline.engine.verify.vm;

import io.patchpipeline.engine.http.ApiRequest;
import io.patchpipeline.engine.http.ApiResponse;
import io.patchpipeline.engine.http.HttpException;
import io.patchpipeline.engine.http.HttpService;
import java.io.IOException;
import java.util.Optional;

/**
 * Sends vulnerability-management requests through the engine's HTTP layer, so they get its
 * timeouts, its retries of 429, 502, 503 and 504 honouring {@code Retry-After}, its bounded total
 * time and its write throttle. Credentials belong to the {@link HttpService}, never to a request.
 *
 * <p>A POST is treated as idempotent only when it carries {@link WebhookNotifier#DELIVERY_HEADER},
 * by which a receiver drops a delivery it already processed; any other POST whose response is lost
 * fails instead of being sent again.
 */
public final class HttpVmTransport implements VmTransport {
  private final HttpService http;

  public HttpVmTransport(HttpService http) {
    this.http = http;
  }

  /**
   * Sends {@code request}. A client error other than 429 is returned as a response so that the
   * caller can name the rejected field; a failure after the retries raises {@link HttpException}.
   */
  @Override
  public Response send(Request request) throws IOException {
    try {
      ApiResponse response = http.send(toApiRequest(request));
      return new Response(response.status(), response.body());
    } catch (HttpException e) {
      Optional<ApiResponse> response = e.response();
      if (response.isPresent() && isClientError(response.get().status())) {
        return new Response(response.get().status(), response.get().body());
      }
      throw e;
    }
  }

  private static boolean isClientError(int status) {
    return status >= 400 && status < 500 && status != 429;
  }

  private static ApiRequest toApiRequest(Request request) {
    boolean idempotent =
        !request.method().equals("POST")
            || request.headers().containsKey(WebhookNotifier.DELIVERY_HEADER);
    return new ApiRequest(
        request.method(),
        request.uri(),
        request.headers(),
        request.body(),
        idempotent,
        Optional.empty(),
        "Idempotency-Key");
  }
}
