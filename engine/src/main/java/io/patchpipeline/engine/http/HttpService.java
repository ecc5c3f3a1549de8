package io.patchpipeline.engine.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one HTTP client of the engine: every external call (tickets, feeds, webhooks) goes through
 * {@link #send}. It applies a timeout to every request, retries 429, 502, 503, 504 and connection
 * errors with exponential backoff and jitter, honours {@code Retry-After}, gives up after the total
 * time of {@link HttpSettings}, throttles writes, and keeps credentials out of every message.
 * Thread-safe.
 */
public final class HttpService {
  private static final Set<Integer> REFUSED = Set.of(429, 503);
  private static final Set<Integer> GATEWAY = Set.of(502, 504);

  /** Waits between attempts; tests replace it to record the waits. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final HttpClient client;
  private final HttpSettings settings;
  private final Credentials credentials;
  private final Redactor redactor;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private final Clock clock;
  private final WriteThrottle throttle;

  public HttpService(HttpSettings settings, Credentials credentials) {
    this(
        settings,
        credentials,
        new Backoff(settings.initialBackoff(), settings.maxBackoff()),
        d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000),
        Clock.systemUTC());
  }

  public HttpService(
      HttpSettings settings,
      Credentials credentials,
      Backoff backoff,
      Sleeper sleeper,
      Clock clock) {
    this.settings = settings;
    this.credentials = credentials;
    this.redactor = new Redactor(credentials, settings);
    this.backoff = backoff;
    this.sleeper = sleeper;
    this.clock = clock;
    this.throttle = new WriteThrottle(settings.writesPerSecond(), sleeper);
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER);
    settings.proxy().ifPresent(builder::proxy);
    this.client = builder.build();
  }

  public HttpSettings settings() {
    return settings;
  }

  /** Returns the redactor that removes this service's secrets from a text. */
  public Redactor redactor() {
    return redactor;
  }

  /**
   * Sends {@code request} until it succeeds, fails with a status that is not retried, or the retry
   * budget runs out.
   *
   * @return a response with a status below 400
   * @throws HttpException with the status of an error response, or {@link
   *     HttpException#outcomeUnknown()} when a non-idempotent request was sent but its response
   *     lost
   */
  public ApiResponse send(ApiRequest request) throws HttpException {
    Instant deadline = clock.instant().plus(settings.totalTimeout());
    for (int attempt = 1; ; attempt++) {
      Attempt result = attempt(request, deadline);
      if (result.response != null && result.response.status() < 400) {
        return result.response;
      }
      if (!result.retry) {
        throw result.failure;
      }
      waitBeforeRetry(request, attempt, result, deadline);
    }
  }

  private Attempt attempt(ApiRequest request, Instant deadline) throws HttpException {
    Duration remaining = Duration.between(clock.instant(), deadline);
    Duration timeout =
        remaining.compareTo(settings.requestTimeout()) < 0 ? remaining : settings.requestTimeout();
    if (timeout.isNegative() || timeout.isZero()) {
      throw failure(
          request,
          "gave up: the total time of " + settings.totalTimeout() + " ran out",
          0,
          false,
          null);
    }
    try {
      if (request.isWrite()) {
        throttle.acquire();
      }
      HttpResponse<byte[]> raw = exchange(build(request, timeout), timeout);
      return classify(request, new ApiResponse(raw.statusCode(), raw.headers().map(), raw.body()));
    } catch (HttpConnectTimeoutException | ConnectException e) {
      return Attempt.retry(failure(request, "connection failed: " + describe(e), 0, false, null));
    } catch (HttpTimeoutException e) {
      return lost(request, "timed out after " + timeout.toMillis() + " ms");
    } catch (IOException e) {
      return lost(request, "connection lost: " + describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(request, "interrupted", 0, false, null);
    }
  }

  /**
   * Sends one request and waits at most {@code timeout} for the whole response. The client's own
   * request timeout ends when the headers arrive, so without this bound a stalled body would block.
   */
  private HttpResponse<byte[]> exchange(HttpRequest request, Duration timeout)
      throws IOException, InterruptedException {
    CompletableFuture<HttpResponse<byte[]>> pending =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    try {
      return pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new HttpTimeoutException("no complete response within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } catch (InterruptedException e) {
      pending.cancel(true);
      throw e;
    }
  }

  private Attempt classify(ApiRequest request, ApiResponse response) {
    int status = response.status();
    if (status < 400) {
      return new Attempt(response, false, null);
    }
    String text =
        status == 407
            ? "HTTP 407: the proxy requires authentication; check the proxy user and password"
            : "HTTP " + status;
    if (REFUSED.contains(status)) {
      return new Attempt(response, true, failure(request, text, status, false, response));
    }
    if (GATEWAY.contains(status)) {
      boolean retry = request.idempotent();
      return new Attempt(response, retry, failure(request, text, status, !retry, response));
    }
    return new Attempt(response, false, failure(request, text, status, false, response));
  }

  private Attempt lost(ApiRequest request, String reason) {
    if (request.idempotent()) {
      return Attempt.retry(failure(request, reason, 0, false, null));
    }
    return new Attempt(
        null,
        false,
        failure(request, reason + "; the request may have taken effect", 0, true, null));
  }

  private void waitBeforeRetry(ApiRequest request, int attempt, Attempt result, Instant deadline)
      throws HttpException {
    HttpException last = result.failure;
    if (attempt >= settings.maxAttempts()) {
      throw failure(
          request,
          "gave up after " + attempt + " attempts; last error: " + reason(last),
          last.status(),
          false,
          result.response);
    }
    Optional<Duration> requested =
        result.response == null
            ? Optional.empty()
            : result
                .response
                .header("Retry-After")
                .flatMap(v -> RetryAfter.parse(v, clock.instant()));
    Duration wait = requested.orElseGet(() -> backoff.delay(attempt));
    if (clock.instant().plus(wait).isAfter(deadline)) {
      throw failure(
          request,
          "gave up after "
              + attempt
              + " attempts: waiting "
              + wait.toMillis()
              + " ms more would pass the total time of "
              + settings.totalTimeout()
              + "; last error: "
              + reason(last),
          last.status(),
          false,
          result.response);
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(request, "interrupted while waiting to retry", last.status(), false, null);
    }
  }

  private HttpRequest build(ApiRequest request, Duration timeout) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(request.uri())
            .timeout(timeout)
            .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request.headers().forEach(builder::header);
    request.idempotencyKey().ifPresent(key -> builder.header(request.idempotencyHeader(), key));
    credentials.headers(request, clock.instant()).forEach(builder::header);
    proxyAuthorization(request).ifPresent(value -> builder.header("Proxy-Authorization", value));
    return builder.build();
  }

  /**
   * Returns the proxy credentials for a request that goes through an {@link HttpProxy}, so that a
   * host on the no-proxy list never receives them.
   */
  private Optional<String> proxyAuthorization(ApiRequest request) {
    if (settings.proxy().orElse(null) instanceof HttpProxy proxy
        && proxy.appliesTo(request.uri())) {
      return proxy.authorization();
    }
    return Optional.empty();
  }

  private HttpException failure(
      ApiRequest request, String reason, int status, boolean unknown, ApiResponse response) {
    String redacted = redactor.redact(reason);
    String message = redactor.redact(request.describe()) + " failed: " + redacted;
    return new HttpException(message, redacted, status, unknown, response);
  }

  private static String reason(HttpException e) {
    return e.reason();
  }

  private String describe(IOException e) {
    String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return redactor.redact(text);
  }

  private record Attempt(ApiResponse response, boolean retry, HttpException failure) {
    static Attempt retry(HttpException failure) {
      return new Attempt(null, true, failure);
    }
  }
}
