package io.patchpipeline.engine.deploy.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.patchpipeline.engine.core.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
    if (method.equals("PATCH") && path.startsWith("/v1.0/deviceManagement/deviceConfigurations/")) {
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
    IntuneSettings settings =
        new IntuneSettings(
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
    return new IntuneDeployer(settings, () -> TOKEN);
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
}
