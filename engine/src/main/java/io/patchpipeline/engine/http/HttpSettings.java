package io.patchpipeline.engine.http;

import java.net.ProxySelector;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Timeouts, retry budget and write throttle of one external service.
 *
 * @param connectTimeout how long to wait for a TCP and TLS connection
 * @param requestTimeout how long to wait for a response after sending one request
 * @param maxAttempts attempts per request, the first included; at least 1
 * @param initialBackoff the wait before the second attempt; each further wait doubles it
 * @param maxBackoff the upper limit of one computed wait (a longer {@code Retry-After} is honoured)
 * @param totalTimeout the time after which a request gives up, retries and waits included
 * @param writesPerSecond the maximum rate of write requests (POST, PUT, PATCH, DELETE); 0 for none
 * @param proxy the proxy selector, such as an {@link HttpProxy} built from Jenkins' proxy
 *     configuration, whose credentials {@link HttpService} then sends; absent: direct connection
 */
public record HttpSettings(
    Duration connectTimeout,
    Duration requestTimeout,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration totalTimeout,
    double writesPerSecond,
    Optional<ProxySelector> proxy) {

  public HttpSettings {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(totalTimeout, "totalTimeout");
    Objects.requireNonNull(proxy, "proxy");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (writesPerSecond < 0) {
      throw new IllegalArgumentException(
          "writesPerSecond must be 0 (no throttle) or more, got " + writesPerSecond);
    }
  }

  /**
   * Returns settings suited to ticket and feed APIs: 10 s to connect, 30 s per request, 6 attempts,
   * waits from 1 s up to 30 s, 2 minutes in total, 5 writes per second.
   */
  public static HttpSettings defaults() {
    return new HttpSettings(
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        6,
        Duration.ofSeconds(1),
        Duration.ofSeconds(30),
        Duration.ofMinutes(2),
        5,
        Optional.empty());
  }

  public HttpSettings withRequestTimeout(Duration value) {
    return new HttpSettings(
        connectTimeout,
        value,
        maxAttempts,
        initialBackoff,
        maxBackoff,
        totalTimeout,
        writesPerSecond,
        proxy);
  }

  public HttpSettings withMaxAttempts(int value) {
    return new HttpSettings(
        connectTimeout,
        requestTimeout,
        value,
        initialBackoff,
        maxBackoff,
        totalTimeout,
        writesPerSecond,
        proxy);
  }

  public HttpSettings withBackoff(Duration initial, Duration max) {
    return new HttpSettings(
        connectTimeout,
        requestTimeout,
        maxAttempts,
        initial,
        max,
        totalTimeout,
        writesPerSecond,
        proxy);
  }

  public HttpSettings withTotalTimeout(Duration value) {
    return new HttpSettings(
        connectTimeout,
        requestTimeout,
        maxAttempts,
        initialBackoff,
        maxBackoff,
        value,
        writesPerSecond,
        proxy);
  }

  public HttpSettings withWritesPerSecond(double value) {
    return new HttpSettings(
        connectTimeout,
        requestTimeout,
        maxAttempts,
        initialBackoff,
        maxBackoff,
        totalTimeout,
        value,
        proxy);
  }

  public HttpSettings withProxy(ProxySelector value) {
    return new HttpSettings(
        connectTimeout,
        requestTimeout,
        maxAttempts,
        initialBackoff,
        maxBackoff,
        totalTimeout,
        writesPerSecond,
        Optional.ofNullable(value));
  }
}
