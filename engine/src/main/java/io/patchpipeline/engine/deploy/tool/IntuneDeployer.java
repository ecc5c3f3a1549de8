package io.patchpipeline.engine.deploy.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.patchpipeline.engine.core.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Moves a quality update through Windows Update for Business rings in Intune with Microsoft Graph.
 * Each wave target is a ring name of the plan (for example dev, test, broad). In {@code deferral}
 * mode a ring's {@code windowsUpdateForBusinessConfiguration} gets {@code
 * qualityUpdatesDeferralPeriodInDays} set and its pause lifted ({@code PATCH
 * /v1.0/deviceManagement/deviceConfigurations/{id}}); in {@code expedite} mode a {@code
 * windowsQualityUpdateProfile} with {@code expeditedUpdateSettings} is created once ({@code POST
 * /beta/deviceManagement/windowsQualityUpdateProfiles}) and assigned to the ring's group ({@code
 * POST .../{id}/assign}). Rollback pauses quality updates on the ring ({@code qualityUpdatesPaused:
 * true}): Graph offers no uninstall of an installed update.
 */
public final class IntuneDeployer implements Deployer {
  private final IntuneSettings settings;
  private final Supplier<String> token;
  private final HttpClient client;

  public IntuneDeployer(IntuneSettings settings, Supplier<String> token) {
    this.settings = settings;
    this.token = token;
    // TODO: move to the shared HTTP layer (retries honouring Retry-After) once it is available.
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @Override
  public String tool() {
    return "intune";
  }

  @Override
  public List<Command> deployCommands(DeployRequest request) {
    return request.hosts().stream().map(ring -> describe(ring, "deploy")).toList();
  }

  @Override
  public List<Command> rollbackCommands(DeployRequest request) {
    return request.hosts().stream().map(ring -> describe(ring, "rollback")).toList();
  }

  private Command describe(String ring, String action) {
    IntuneSettings.Ring settingsOfRing = settings.ring(ring);
    String call =
        action.equals("rollback") || settings.expedite()
            ? (action.equals("rollback")
                ? "PATCH " + configurationUrl(settingsOfRing) + " qualityUpdatesPaused=true"
                : "POST "
                    + settings.graphUrl()
                    + "/beta/deviceManagement/windowsQualityUpdateProfiles"
                    + " then assign to group "
                    + settingsOfRing.groupId())
            : "PATCH "
                + configurationUrl(settingsOfRing)
                + " qualityUpdatesDeferralPeriodInDays="
                + settings.deferralDays();
    return Command.of(List.of("graph", call), settings.timeout());
  }

  @Override
  public ToolResult deploy(DeployRequest request) throws IOException, InterruptedException {
    List<HostResult> results = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    for (String ring : request.hosts()) {
      shown.add(describe(ring, "deploy").arguments().get(1));
      if (request.checkMode()) {
        results.add(check(ring));
      } else {
        results.add(settings.expedite() ? expedite(ring) : defer(ring));
      }
    }
    return new ToolResult(results, shown, "");
  }

  @Override
  public ToolResult rollback(DeployRequest request) throws IOException, InterruptedException {
    List<HostResult> results = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    for (String ring : request.hosts()) {
      shown.add(describe(ring, "rollback").arguments().get(1));
      ObjectNode body = configurationBody();
      body.put("qualityUpdatesPaused", true);
      results.add(
          outcome(ring, send("PATCH", configurationUrl(settings.ring(ring)), body), "pause"));
    }
    return new ToolResult(results, shown, "");
  }

  private HostResult check(String ring) throws IOException, InterruptedException {
    return outcome(ring, send("GET", configurationUrl(settings.ring(ring)), null), "read");
  }

  private HostResult defer(String ring) throws IOException, InterruptedException {
    ObjectNode body = configurationBody();
    body.put("qualityUpdatesDeferralPeriodInDays", settings.deferralDays());
    body.put("qualityUpdatesPaused", false);
    return outcome(ring, send("PATCH", configurationUrl(settings.ring(ring)), body), "update");
  }

  private HostResult expedite(String ring) throws IOException, InterruptedException {
    String profiles = settings.graphUrl() + "/beta/deviceManagement/windowsQualityUpdateProfiles";
    String name = "Patch Pipeline " + settings.qualityUpdateRelease() + " " + ring;
    HttpResponse<String> list = send("GET", profiles, null);
    if (list.statusCode() != 200) {
      return outcome(ring, list, "list profiles");
    }
    String id = null;
    for (JsonNode profile : Json.mapper().readTree(list.body()).path("value")) {
      if (name.equals(profile.path("displayName").asText())) {
        id = profile.path("id").asText();
      }
    }
    if (id == null) {
      ObjectNode body = Json.mapper().createObjectNode();
      body.put("@odata.type", "#microsoft.graph.windowsQualityUpdateProfile");
      body.put("displayName", name);
      ObjectNode expedite = body.putObject("expeditedUpdateSettings");
      expedite.put("@odata.type", "microsoft.graph.expeditedWindowsQualityUpdateSettings");
      expedite.put("qualityUpdateRelease", settings.qualityUpdateRelease());
      expedite.put("daysUntilForcedReboot", settings.daysUntilForcedReboot());
      HttpResponse<String> created = send("POST", profiles, body);
      if (created.statusCode() != 201) {
        return outcome(ring, created, "create profile");
      }
      id = Json.mapper().readTree(created.body()).path("id").asText();
    }
    ObjectNode assign = Json.mapper().createObjectNode();
    ObjectNode target = assign.putArray("assignments").addObject().putObject("target");
    target.put("@odata.type", "#microsoft.graph.groupAssignmentTarget");
    target.put("groupId", settings.ring(ring).groupId());
    return outcome(ring, send("POST", profiles + "/" + id + "/assign", assign), "assign profile");
  }

  private ObjectNode configurationBody() {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("@odata.type", "#microsoft.graph.windowsUpdateForBusinessConfiguration");
    return body;
  }

  private String configurationUrl(IntuneSettings.Ring ring) {
    return settings.graphUrl()
        + "/v1.0/deviceManagement/deviceConfigurations/"
        + ring.configurationId();
  }

  private HostResult outcome(String ring, HttpResponse<String> response, String action) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return new HostResult(ring, HostResult.Status.CHANGED, "");
    }
    String error = "";
    try {
      error = Json.mapper().readTree(response.body()).path("error").path("message").asText("");
    } catch (IOException e) {
      error = "";
    }
    return new HostResult(
        ring,
        HostResult.Status.FAILED,
        "Graph " + action + " failed with HTTP " + status + (error.isEmpty() ? "" : ": " + error));
  }

  private HttpResponse<String> send(String method, String url, JsonNode body)
      throws IOException, InterruptedException {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(settings.timeout())
            .header("Authorization", "Bearer " + token.get())
            .header("Accept", "application/json")
            .method(method, publisher);
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
