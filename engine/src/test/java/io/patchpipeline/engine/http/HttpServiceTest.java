package io.patchpipeline.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.http.ScriptedServer.Answer;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retries, timeouts, Retry-After, the total time bound, the throttle and secrecy. */
class HttpServiceTest {
  private static final String SECRET = "tok-9d8c7b6a5f4e";

  private final List<Duration> waits = new ArrayList<>();

  private HttpService service(HttpSettings settings) {
    return new HttpService(
        settings,
        Credentials.bearer(SECRET),
        new Backoff(settings.initialBackoff(), settings.maxBackoff(), () -> 0.5),
        waits::add,
        Clock.systemUTC());
  }

  private static HttpSettings settings() {
    return HttpSettings.defaults()
        .withRequestTimeout(Duration.ofMillis(500))
        .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(2))
        .withWritesPerSecond(0);
  }

  @Test
  void retriesTooManyRequestsHonouringRetryAfter() throws Exception {
    try (ScriptedServer server =
        new ScriptedServer(Answer.retryAfter(429, "7"), Answer.of(200, "{\"ok\":true}"))) {
      ApiResponse response = service(settings()).send(ApiRequest.get(server.uri("/x")));

      assertThat(response.json().path("ok").asBoolean()).isTrue();
      assertThat(waits).containsExactly(Duration.ofSeconds(7));
      assertThat(server.seen()).hasSize(2);
    }
  }

  @Test
  void retriesUnavailableWithGrowingBackoff() throws Exception {
    try (ScriptedServer server =
        new ScriptedServer(Answer.of(503), Answer.of(503), Answer.of(502), Answer.of(200))) {
      service(settings()).send(ApiRequest.get(server.uri("/x")));

      assertThat(waits)
          .containsExactly(Duration.ofMillis(75), Duration.ofMillis(150), Duration.ofMillis(300));
    }
  }

  @Test
  void createIsRetriedOnTooManyRequests() throws Exception {
    try (ScriptedServer server = new ScriptedServer(Answer.retryAfter(429, "1"), Answer.of(201))) {
      ApiResponse response =
          service(settings()).send(ApiRequest.postJson(server.uri("/issue"), "{}"));

      assertThat(response.status()).isEqualTo(201);
      assertThat(server.seen()).hasSize(2);
    }
  }

  @Test
  void clientErrorIsNotRetried() throws Exception {
    try (ScriptedServer server = new ScriptedServer(Answer.of(400, "{\"errors\":{}}"))) {
      assertThatThrownBy(() -> service(settings()).send(ApiRequest.get(server.uri("/x"))))
          .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(400))
          .hasMessageContaining("GET http://127.0.0.1")
          .hasMessageContaining("HTTP 400");
      assertThat(server.seen()).hasSize(1);
    }
  }

  @Test
  void givesUpAfterMaxAttempts() throws Exception {
    try (ScriptedServer server =
        new ScriptedServer(
            Answer.of(503),
            Answer.of(503),
            Answer.of(503),
            Answer.of(503),
            Answer.of(503),
            Answer.of(503),
            Answer.of(503))) {
      assertThatThrownBy(() -> service(settings()).send(ApiRequest.get(server.uri("/x"))))
          .isInstanceOf(HttpException.class)
          .hasMessageContaining("gave up after 6 attempts")
          .hasMessageContaining("HTTP 503");
      assertThat(server.seen()).hasSize(6);
    }
  }

  @Test
  void retryAfterBeyondTotalTimeGivesUpAtOnce() throws Exception {
    try (ScriptedServer server = new ScriptedServer(Answer.retryAfter(429, "3600"))) {
      assertThatThrownBy(() -> service(settings()).send(ApiRequest.get(server.uri("/x"))))
          .isInstanceOf(HttpException.class)
          .hasMessageContaining("would pass the total time");
      assertThat(waits).isEmpty();
    }
  }

  @Test
  void slowReadIsRetriedButSlowCreateIsOutcomeUnknown() throws Exception {
    try (ScriptedServer server =
        new ScriptedServer(Answer.slow(2000), Answer.of(200), Answer.slow(2000))) {
      HttpService http = service(settings());
      assertThat(http.send(ApiRequest.get(server.uri("/x"))).status()).isEqualTo(200);

      assertThatThrownBy(() -> http.send(ApiRequest.postJson(server.uri("/issue"), "{}")))
          .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.outcomeUnknown()).isTrue())
          .hasMessageContaining("timed out")
          .hasMessageContaining("may have taken effect");
    }
  }

  @Test
  void droppedCreateIsOutcomeUnknownAndNotResent() throws Exception {
    try (ScriptedServer server = new ScriptedServer(Answer.drop(), Answer.of(201))) {
      assertThatThrownBy(
              () -> service(settings()).send(ApiRequest.postJson(server.uri("/issue"), "{}")))
          .isInstanceOfSatisfying(
              HttpException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
      assertThat(server.seen()).hasSize(1);
    }
  }

  @Test
  void idempotencyKeyMakesCreateResendable() throws Exception {
    try (ScriptedServer server = new ScriptedServer(Answer.drop(), Answer.of(201))) {
      ApiRequest request =
          ApiRequest.postJson(server.uri("/hook"), "{}")
              .withIdempotencyKey("Idempotency-Key", "k-1");

      assertThat(service(settings()).send(request).status()).isEqualTo(201);
      assertThat(server.seen()).hasSize(2);
      assertThat(server.seen().get(1).headers().get("Idempotency-key")).containsExactly("k-1");
    }
  }

  @Test
  void connectionRefusedIsRetriedThenReported() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    URI closed = URI.create("http://127.0.0.1:" + port + "/x");
    assertThatThrownBy(() -> service(settings()).send(ApiRequest.postJson(closed, "{}")))
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.outcomeUnknown()).isFalse())
        .hasMessageContaining("connection failed");
    assertThat(waits).hasSize(5);
  }

  @Test
  void sendsCredentialsButNeverShowsThem() throws Exception {
    try (ScriptedServer server =
        new ScriptedServer(Answer.of(401, "{\"echo\":\"" + SECRET + "\"}"))) {
      HttpService http = service(settings());
      HttpException failure = null;
      try {
        http.send(ApiRequest.get(server.uri("/x")));
      } catch (HttpException e) {
        failure = e;
      }

      assertThat(server.seen().get(0).headers().get("Authorization"))
          .containsExactly("Bearer " + SECRET);
      assertThat(failure).isNotNull();
      assertThat(failure.getMessage()).doesNotContain(SECRET);
      assertThat(Credentials.bearer(SECRET).toString()).doesNotContain(SECRET);
      assertThat(Credentials.basic("u", SECRET).toString()).doesNotContain(SECRET);
      assertThat(http.redactor().redact("token " + SECRET)).isEqualTo("token ****");
    }
  }

  @Test
  void rejectsAuthorizationHeaderOnRequests() {
    assertThatThrownBy(
            () -> ApiRequest.get(URI.create("http://127.0.0.1/")).withHeader("authorization", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Credentials");
  }

  @Test
  void throttleSpacesWrites() throws Exception {
    long[] now = {0};
    WriteThrottle throttle = new WriteThrottle(10, waits::add, () -> now[0]);

    throttle.acquire();
    throttle.acquire();
    throttle.acquire();
    now[0] = 1_000_000_000L;
    throttle.acquire();

    assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void noThrottleNeverWaits() throws Exception {
    WriteThrottle throttle = new WriteThrottle(0, waits::add, () -> 0L);

    throttle.acquire();
    throttle.acquire();

    assertThat(waits).isEmpty();
  }
}
