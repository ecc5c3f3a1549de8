package io.patchpipeline.engine.verify.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VmNotifyTest {
  private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");
  private static final byte[] SECRET = "webhook-shared-secret-42".getBytes(StandardCharsets.UTF_8);

  private FakeDefectDojo dojo;

  @BeforeEach
  void startDojo() throws IOException {
    dojo = new FakeDefectDojo();
  }

  @AfterEach
  void stopDojo() {
    dojo.close();
  }

  @Test
  void marksUnitFindingsMitigatedAcrossPages() throws IOException {
    for (long id = 1; id <= 5; id++) {
      dojo.add(id, "CVE-2024-0001", "openssl", true);
    }
    dojo.add(6, "CVE-2024-0001", "openssl-libs", true);
    dojo.add(7, "CVE-2024-0001", "openssl", false);
    dojo.add(8, "CVE-2024-9999", "openssl", true);
    DefectDojoClient client =
        new DefectDojoClient(dojo.base(), FakeDefectDojo.TOKEN, new JdkTransport());

    List<Long> marked = client.markUnitMitigated(List.of("CVE-2024-0001"), "openssl", AT);

    assertThat(marked).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(dojo.findings.get(3L).get("is_mitigated").asBoolean()).isTrue();
    assertThat(dojo.findings.get(3L).get("active").asBoolean()).isFalse();
    assertThat(dojo.findings.get(3L).get("mitigated").asText()).isEqualTo("2026-03-01T12:00:00Z");
    assertThat(dojo.findings.get(6L).get("is_mitigated").asBoolean())
        .as("other component untouched")
        .isFalse();
    assertThat(dojo.findings.get(8L).get("is_mitigated").asBoolean())
        .as("other CVE untouched")
        .isFalse();
    assertThat(dojo.requests.stream().filter(r -> r.startsWith("GET")).count())
        .as("three pages of two")
        .isEqualTo(3);
  }

  @Test
  void wrongTokenIsReportedWithoutTheToken() {
    DefectDojoClient client =
        new DefectDojoClient(dojo.base(), "wrong-token-777", new JdkTransport());

    assertThatThrownBy(() -> client.findActive("CVE-2024-0001", "openssl"))
        .isInstanceOf(VmException.class)
        .hasMessageContaining("401")
        .hasMessageContaining("check the API key")
        .hasMessageNotContaining("wrong-token-777");
  }

  @Test
  void unknownFindingIsNotFound() {
    DefectDojoClient client =
        new DefectDojoClient(dojo.base(), FakeDefectDojo.TOKEN, new JdkTransport());

    assertThatThrownBy(() -> client.markMitigated(42, AT))
        .isInstanceOf(VmException.class)
        .satisfies(e -> assertThat(((VmException) e).getStatus()).isEqualTo(404))
        .hasMessageContaining("/api/v2/findings/42/");
  }

  @Test
  void webhookBodyIsSignedAndChecked() throws IOException {
    List<String> received = new ArrayList<>();
    HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    hook.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          String header = exchange.getRequestHeaders().getFirst(WebhookNotifier.SIGNATURE_HEADER);
          boolean valid = WebhookNotifier.isValid(SECRET, body, header);
          if (valid) {
            received.add(new String(body, StandardCharsets.UTF_8));
          }
          FakeDefectDojo.reply(exchange, valid ? 200 : 401, "{}");
        });
    hook.start();
    URI url = URI.create("http://127.0.0.1:" + hook.getAddress().getPort() + "/hook");
    try {
      new WebhookNotifier(url, SECRET, new JdkTransport())
          .send(Map.of("unit", "PP-1", "status", "verified"));
      WebhookNotifier wrongSecret =
          new WebhookNotifier(
              url, "not-the-secret".getBytes(StandardCharsets.UTF_8), new JdkTransport());

      assertThatThrownBy(() -> wrongSecret.send(Map.of("unit", "PP-2")))
          .isInstanceOf(VmException.class)
          .hasMessageContaining("401")
          .hasMessageNotContaining("not-the-secret");
    } finally {
      hook.stop(0);
    }
    assertThat(received).singleElement().asString().contains("PP-1").contains("verified");
  }

  @Test
  void signatureMatchesKnownValue() {
    byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    String header = WebhookNotifier.signature("key".getBytes(StandardCharsets.UTF_8), body);

    assertThat(header).startsWith("sha256=").hasSize(7 + 64);
    assertThat(WebhookNotifier.isValid("key".getBytes(StandardCharsets.UTF_8), body, header))
        .isTrue();
    assertThat(
            WebhookNotifier.isValid(
                "key".getBytes(StandardCharsets.UTF_8), body, header.replace('a', 'b')))
        .isFalse();
    assertThat(WebhookNotifier.isValid("key".getBytes(StandardCharsets.UTF_8), body, null))
        .isFalse();
  }
}
