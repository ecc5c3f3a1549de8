package io.patchpipeline.engine.verify.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.patchpipeline.engine.http.Backoff;
import io.patchpipeline.engine.http.Credentials;
import io.patchpipeline.engine.http.HttpException;
import io.patchpipeline.engine.http.HttpService;
import io.patchpipeline.engine.http.HttpSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DefectDojo and the webhook sent through the engine's HTTP layer to servers on 127.0.0.1. */
class HttpVmTransportTest {
  private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");
  private static final byte[] SECRET =
      "webhook-secret-for-transport".getBytes(StandardCharsets.UTF_8);

  private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
  private FakeDefectDojo dojo;

  @BeforeEach
  void startDojo() throws IOException {
    dojo = new FakeDefectDojo();
  }

  @AfterEach
  void stopDojo() {
    dojo.close();
  }

  private HttpService http(Credentials credentials, int maxAttempts) {
    HttpSettings settings =
        new HttpSettings(
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            maxAttempts,
            Duration.ofMillis(10),
            Duration.ofMillis(40),
            Duration.ofMinutes(2),
            0,
            java.util.Optional.empty());
    return new HttpService(
        settings,
        credentials,
        new Backoff(Duration.ofMillis(10), Duration.ofMillis(40), () -> 0.5),
        waits::add,
        Clock.systemUTC());
  }

  private DefectDojoClient client(String key, int maxAttempts) {
    return DefectDojoClient.over(dojo.base(), http(Credentials.token(key), maxAttempts));
  }

  @Test
  void tooManyRequestsWaitsForRetryAfter() throws IOException {
    dojo.add(1, "CVE-2024-0001", "openssl", true);
    dojo.failures.add(new FakeDefectDojo.Failure(429, "7", "{\"detail\": \"Throttled.\"}"));

    List<Long> marked =
        client(FakeDefectDojo.TOKEN, 4).markUnitMitigated(List.of("CVE-2024-0001"), "openssl", AT);

    assertThat(marked).containsExactly(1L);
    assertThat(waits).containsExactly(Duration.ofSeconds(7));
    assertThat(dojo.findings.get(1L).get("is_mitigated").asBoolean()).isTrue();
  }

  @Test
  void unavailableIsRetriedUntilItWorks() throws IOException {
    dojo.add(1, "CVE-2024-0001", "openssl", true);
    dojo.failures.add(new FakeDefectDojo.Failure(503, "", "{}"));
    dojo.failures.add(new FakeDefectDojo.Failure(503, "", "{}"));

    List<Long> marked =
        client(FakeDefectDojo.TOKEN, 4).markUnitMitigated(List.of("CVE-2024-0001"), "openssl", AT);

    assertThat(marked).containsExactly(1L);
    assertThat(waits).hasSize(2);
    assertThat(dojo.requests).hasSize(4);
  }

  @Test
  void unavailableGivesUpAfterMaxAttempts() {
    for (int i = 0; i < 3; i++) {
      dojo.failures.add(new FakeDefectDojo.Failure(503, "", "{}"));
    }

    assertThatThrownBy(() -> client(FakeDefectDojo.TOKEN, 3).findActive("CVE-2024-0001", "x"))
        .isInstanceOf(HttpException.class)
        .hasMessageContaining("gave up after 3 attempts")
        .hasMessageContaining("503")
        .hasMessageNotContaining(FakeDefectDojo.TOKEN);
    assertThat(dojo.requests).hasSize(3);
  }

  @Test
  void wrongKeyIsNotRetriedNorPrinted() {
    assertThatThrownBy(() -> client("wrong-key-0987654321", 4).findActive("CVE-2024-0001", "x"))
        .isInstanceOf(VmException.class)
        .hasMessageContaining("HTTP 401")
        .hasMessageContaining("check the API key")
        .hasMessageContaining("Invalid token.")
        .hasMessageNotContaining("wrong-key-0987654321");
    assertThat(dojo.requests).hasSize(1);
  }

  @Test
  void badRequestNamesTheField() {
    dojo.add(5, "CVE-2024-0001", "openssl", true);
    dojo.failures.add(
        new FakeDefectDojo.Failure(400, "", "{\"mitigated\": [\"Datetime has wrong format.\"]}"));

    assertThatThrownBy(() -> client(FakeDefectDojo.TOKEN, 4).markMitigated(5, AT))
        .isInstanceOf(VmException.class)
        .hasMessageContaining("HTTP 400")
        .hasMessageContaining("field mitigated: Datetime has wrong format.")
        .hasMessageNotContaining(FakeDefectDojo.TOKEN);
  }

  @Test
  void authorizationHeaderInRequestIsRejected() {
    VmTransport transport = new HttpVmTransport(http(Credentials.none(), 1));

    assertThatThrownBy(
            () ->
                transport.send(
                    new VmTransport.Request(
                        "GET", dojo.base(), Map.of("Authorization", "Token x"), null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Credentials");
  }

  @Test
  void webhookRetriesUnavailableWithTheSameDelivery() throws IOException {
    List<String> deliveries = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger calls = new AtomicInteger();
    HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    hook.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          String signature =
              exchange.getRequestHeaders().getFirst(WebhookNotifier.SIGNATURE_HEADER);
          deliveries.add(exchange.getRequestHeaders().getFirst(WebhookNotifier.DELIVERY_HEADER));
          if (calls.incrementAndGet() == 1) {
            FakeDefectDojo.reply(exchange, 503, "{}");
          } else {
            boolean valid = WebhookNotifier.isValid(SECRET, body, signature);
            FakeDefectDojo.reply(exchange, valid ? 200 : 401, "{}");
          }
        });
    hook.start();
    URI url = URI.create("http://127.0.0.1:" + hook.getAddress().getPort() + "/hook");
    try {
      VmTransport transport = new HttpVmTransport(http(Credentials.none(), 3));
      new WebhookNotifier(url, SECRET, transport).send("run-1/PP-1", Map.of("unit", "PP-1"));
      WebhookNotifier wrong =
          new WebhookNotifier(
              url, "other-secret-value".getBytes(StandardCharsets.UTF_8), transport);

      assertThatThrownBy(() -> wrong.send("run-1/PP-2", Map.of("unit", "PP-2")))
          .isInstanceOf(VmException.class)
          .hasMessageContaining("HTTP 401")
          .hasMessageNotContaining("other-secret-value");
    } finally {
      hook.stop(0);
    }
    assertThat(deliveries).containsExactly("run-1/PP-1", "run-1/PP-1", "run-1/PP-2");
  }

  @Test
  void webhookPostWithoutDeliveryIsNotResentAfterGatewayError() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    hook.createContext(
        "/hook",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          calls.incrementAndGet();
          FakeDefectDojo.reply(exchange, 502, "{}");
        });
    hook.start();
    URI url = URI.create("http://127.0.0.1:" + hook.getAddress().getPort() + "/hook");
    try {
      VmTransport transport = new HttpVmTransport(http(Credentials.none(), 3));

      assertThatThrownBy(() -> new WebhookNotifier(url, SECRET, transport).send(Map.of("a", 1)))
          .isInstanceOf(HttpException.class)
          .satisfies(e -> assertThat(((HttpException) e).outcomeUnknown()).isTrue());
    } finally {
      hook.stop(0);
    }
    assertThat(calls).hasValue(1);
  }
}
