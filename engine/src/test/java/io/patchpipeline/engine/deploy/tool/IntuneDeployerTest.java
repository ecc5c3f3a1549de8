package io.patchpipeline.engine.deploy.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.http.Backoff;
import io.patchpipeline.engine.http.HttpException;
import io.patchpipeline.engine.http.HttpService;
import io.patchpipeline.engine.http.HttpSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the Intune deployer against a server on 127.0.0.1 that answers the Microsoft Graph endpoints
 * for Windows Update for Business configurations and quality update profiles as documented: 200
 * with the updated entity for PATCH, 201 for a created profile, 204 for assign, and the Graph error
 * body on failure.
 */
class IntuneDeployerTest {
  private static final String TOKEN = "eyJ0eXAiOiJKV1Qi.secret-graph-token";

  private HttpServer server;
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<JsonNode> bodies = Collections.synchronizedList(new ArrayList<>());
  private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
  private volatile int patchStatus = 200;
  private volatile String existingProfiles = "[]";
  private final Deque<Integer> refusals = new ConcurrentLinkedDeque<>();
  private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void startGraph() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  @AfterEach
  void stopGraph() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    requests.add(method + " " + path);
    authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
    byte[] in = exchange.getRequestBody().readAllBytes();
    if (in.length > 0) {
      bodies.add(Json.mapper().readTree(in));
    }
    Integer refused = refusals.poll();
    if (refused != null) {
      exchange.getResponseHeaders().add("Retry-After", "2");
      send(exchange, refused, "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"retry\"}}");
    } else if (method.equals("PATCH")
        && path.startsWith("/v1.0/deviceManagement/deviceConfigurations/")) {
      if (patchStatus != 200) {
        send(
            exchange,
            patchStatus,
            "{\"error\":{\"code\":\"Forbidden\",\"message\":\"Application is not authorized\"}}");
      } else {
        send(
            exchange,
            200,
            "{\"@odata.type\":\"#microsoft.graph.windowsUpdateForBusinessConfiguration\",\"id\":\"x\"}");
      }
    } else if (method.equals("GET")
        && path.equals("/beta/deviceManagement/windowsQualityUpdateProfiles")) {
      send(exchange, 200, "{\"value\":" + existingProfiles + "}");
    } else if (method.equals("POST")
        && path.equals("/beta/deviceManagement/windowsQualityUpdateProfiles")) {
      send(
          exchange,
          201,
          "{\"@odata.type\":\"#microsoft.graph.windowsQualityUpdateProfile\",\"id\":\"profile-1\"}");
    } else if (method.equals("POST") && path.endsWith("/assign")) {
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    } else {
      send(
          exchange,
          404,
          "{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"no such endpoint\"}}");
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private IntuneDeployer deployer(boolean expedite) {
    return new IntuneDeployer(settings(expedite), () -> TOKEN);
  }

  private IntuneSettings settings(boolean expedite) {
    return new IntuneSettings(
        "http://127.0.0.1:" + server.getAddress().getPort(),
        expedite,
        0,
        "2024-01-09T00:00:00Z",
        1,
        Map.of(
            "dev",
            new IntuneSettings.Ring("11111111-aaaa", "22222222-bbbb"),
            "broad",
            new IntuneSettings.Ring("33333333-cccc", "44444444-dddd")),
        "PATCH_PIPELINE_GRAPH_TOKEN",
        Duration.ofSeconds(5));
  }

  /** Returns a deployer whose retries record their waits instead of sleeping. */
  private IntuneDeployer recordingDeployer() {
    HttpSettings http = IntuneDeployer.graphSettings(Duration.ofSeconds(5));
    return new IntuneDeployer(
        settings(false),
        () -> TOKEN,
        credentials ->
            new HttpService(
                http,
                credentials,
                new Backoff(http.initialBackoff(), http.maxBackoff(), () -> 0.5),
                waits::add,
                Clock.systemUTC()));
  }

  private static DeployRequest request(String ring) {
    return new DeployRequest(
        "ring " + ring,
        List.of(ring),
        List.of(
            new DeployItem("PP-5", "KB5034441", "2024-01-09", "", "OS", List.of("CVE-2024-20666"))),
        false);
  }

  @Test
  void deferralModeLiftsTheRingDeferral() throws Exception {
    ToolResult result = deployer(false).deploy(request("dev"));

    assertThat(requests)
        .containsExactly("PATCH /v1.0/deviceManagement/deviceConfigurations/11111111-aaaa");
    assertThat(bodies.get(0).path("@odata.type").asText())
        .isEqualTo("#microsoft.graph.windowsUpdateForBusinessConfiguration");
    assertThat(bodies.get(0).path("qualityUpdatesDeferralPeriodInDays").asInt(-1)).isZero();
    assertThat(bodies.get(0).path("qualityUpdatesPaused").asBoolean(true)).isFalse();
    assertThat(authorizations).containsOnly("Bearer " + TOKEN);
    assertThat(result.hosts().get(0).status()).isEqualTo(HostResult.Status.CHANGED);
  }

  @Test
  void expediteCreatesProfileOnceAndAssignsRingGroup() throws Exception {
    deployer(true).deploy(request("dev"));
    existingProfiles =
        "[{\"id\":\"profile-1\",\"displayName\":\"Patch Pipeline 2024-01-09T00:00:00Z broad\"}]";
    requests.clear();

    deployer(true).deploy(request("broad"));

    assertThat(requests)
        .containsExactly(
            "GET /beta/deviceManagement/windowsQualityUpdateProfiles",
            "POST /beta/deviceManagement/windowsQualityUpdateProfiles/profile-1/assign");
    JsonNode created = bodies.get(0);
    assertThat(created.path("expeditedUpdateSettings").path("qualityUpdateRelease").asText())
        .isEqualTo("2024-01-09T00:00:00Z");
    assertThat(created.path("expeditedUpdateSettings").path("daysUntilForcedReboot").asInt())
        .isEqualTo(1);
    assertThat(
            bodies
                .get(bodies.size() - 1)
                .path("assignments")
                .path(0)
                .path("target")
                .path("groupId")
                .asText())
        .isEqualTo("44444444-dddd");
  }

  @Test
  void rollbackPausesTheRingAndErrorsKeepTheTokenOut() throws Exception {
    ToolResult paused = deployer(false).rollback(request("broad"));
    patchStatus = 403;
    ToolResult denied = deployer(false).deploy(request("dev"));

    assertThat(bodies.get(0).path("qualityUpdatesPaused").asBoolean()).isTrue();
    assertThat(paused.hosts().get(0).status()).isEqualTo(HostResult.Status.CHANGED);
    assertThat(denied.hosts().get(0).status()).isEqualTo(HostResult.Status.FAILED);
    assertThat(denied.hosts().get(0).detail())
        .isEqualTo("Graph update failed with HTTP 403: Application is not authorized");
    assertThat(denied.toString()).doesNotContain(TOKEN);
    assertThat(deployer(false).deployCommands(request("dev")).toString()).doesNotContain(TOKEN);
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 503})
  void throttledRequestIsRetriedAfterRetryAfter(int refused) throws Exception {
    refusals.add(refused);

    ToolResult result = recordingDeployer().deploy(request("dev"));

    assertThat(result.hosts().get(0).status()).isEqualTo(HostResult.Status.CHANGED);
    assertThat(requests).hasSize(2);
    // The write throttle records its short waits too; the retry waits what Retry-After requested.
    assertThat(waits).contains(Duration.ofSeconds(2));
    assertThat(waits).allMatch(wait -> wait.compareTo(Duration.ofSeconds(2)) <= 0);
    assertThat(authorizations).containsOnly("Bearer " + TOKEN);
  }

  @Test
  void throttlingThatOutlastsRetriesFails() {
    for (int i = 0; i < 6; i++) {
      refusals.add(429);
    }

    assertThatThrownBy(() -> recordingDeployer().deploy(request("dev")))
        .isInstanceOf(HttpException.class)
        .hasMessageContaining("gave up after 6 attempts")
        .hasMessageNotContaining(TOKEN);
  }
}
