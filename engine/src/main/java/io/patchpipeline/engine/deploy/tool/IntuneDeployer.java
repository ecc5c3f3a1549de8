package io.patchpipeline.engine.deploy.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.http.ApiRequest;
import io.patchpipeline.engine.http.ApiResponse;
import io.patchpipeline.engine.http.Credentials;
import io.patchpipeline.engine.http.HttpException;
import io.patchpipeline.engine.http.HttpService;
import io.patchpipeline.engine.http.HttpSettings;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
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
  /** Statuses that {@link HttpService} retries; when they remain after retries, deploy fails. */
  private static final Set<Integer> RETRIED = Set.of(429, 503);

  private final IntuneSettings settings;
  private final Supplier<String> token;
  private final Function<Credentials, HttpService> services;

  /**
   * Creates a deployer that reads the Graph token from {@code token} at each deploy or rollback and
   * sends with {@link #graphSettings(Duration)}.
   */
  public IntuneDeployer(IntuneSettings settings, Supplier<String> token) {
    this(
        settings,
        token,
        credentials -> new HttpService(graphSettings(settings.timeout()), credentials));
  }

  /** Creates a deployer whose HTTP services come from {@code services}, such as a test's. */
  IntuneDeployer(
      IntuneSettings settings,
      Supplier<String> token,
      Function<Credentials, HttpService> services) {
    this.settings = settings;
    this.token = token;
    this.services = services;
  }

  /**
   * Returns the Graph request settings: {@code timeout} per request, and the defaults of {@link
   * HttpSettings#defaults()} otherwise, so that 429 and 503 are retried as {@code Retry-After}
   * requests. Graph throttles with 429 and {@code Retry-After}.
   */
  static HttpSettings graphSettings(Duration timeout) {
    return HttpSettings.defaults().withRequestTimeout(timeout);
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
    HttpService graph = services.apply(Credentials.bearer(token.get()));
    List<HostResult> results = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    for (String ring : request.hosts()) {
      shown.add(describe(ring, "deploy").arguments().get(1));
      if (request.checkMode()) {
        results.add(check(graph, ring));
      } else {
        results.add(settings.expedite() ? expedite(graph, ring) : defer(graph, ring));
      }
    }
    return new ToolResult(results, shown, "");
  }

  @Override
  public ToolResult rollback(DeployRequest request) throws IOException, InterruptedException {
    HttpService graph = services.apply(Credentials.bearer(token.get()));
    List<HostResult> results = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    for (String ring : request.hosts()) {
      shown.add(describe(ring, "rollback").arguments().get(1));
      ObjectNode body = configurationBody();
      body.put("qualityUpdatesPaused", true);
      results.add(
          outcome(
              ring, send(graph, "PATCH", configurationUrl(settings.ring(ring)), body), "pause"));
    }
    return new ToolResult(results, shown, "");
  }

  private HostResult check(HttpService graph, String ring) throws IOException {
    return outcome(ring, send(graph, "GET", configurationUrl(settings.ring(ring)), null), "read");
  }

  private HostResult defer(HttpService graph, String ring) throws IOException {
    ObjectNode body = configurationBody();
    body.put("qualityUpdatesDeferralPeriodInDays", settings.deferralDays());
    body.put("qualityUpdatesPaused", false);
    return outcome(
        ring, send(graph, "PATCH", configurationUrl(settings.ring(ring)), body), "update");
  }

  private HostResult expedite(HttpService graph, String ring) throws IOException {
    String profiles = settings.graphUrl() + "/beta/deviceManagement/windowsQualityUpdateProfiles";
    String name = "Patch Pipeline " + settings.qualityUpdateRelease() + " " + ring;
    ApiResponse list = send(graph, "GET", profiles, null);
    if (list.status() != 200) {
      return outcome(ring, list, "list profiles");
    }
    String id = null;
    for (JsonNode profile : list.json().path("value")) {
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
      ApiResponse created = send(graph, "POST", profiles, body);
      if (created.status() != 201) {
        return outcome(ring, created, "create profile");
      }
      id = created.json().path("id").asText();
    }
    ObjectNode assign = Json.mapper().createObjectNode();
    ObjectNode target = assign.putArray("assignments").addObject().putObject("target");
    target.put("@odata.type", "#microsoft.graph.groupAssignmentTarget");
    target.put("groupId", settings.ring(ring).groupId());
    return outcome(
        ring, send(graph, "POST", profiles + "/" + id + "/assign", assign), "assign profile");
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

  private HostResult outcome(String ring, ApiResponse response, String action) {
    int status = response.status();
    if (status >= 200 && status < 300) {
      return new HostResult(ring, HostResult.Status.CHANGED, "");
    }
    String error = "";
    try {
      error = response.json().path("error").path("message").asText("");
    } catch (IOException e) {
      error = "";
    }
    return new HostResult(
        ring,
        HostResult.Status.FAILED,
        "Graph " + action + " failed with HTTP " + status + (error.isEmpty() ? "" : ": " + error));
  }

  /**
   * Sends one Graph request and returns its response, an error response included, so that the
   * ring's result names the status and Graph's message.
   *
   * @throws HttpException when no response arrived, or retries of 429 and 503 ran out
   */
  private ApiResponse send(HttpService graph, String method, String url, JsonNode body)
      throws IOException {
    ApiRequest request =
        switch (method) {
          case "GET" -> ApiRequest.get(URI.create(url));
          case "PATCH" ->
              ApiRequest.patchJson(URI.create(url), Json.mapper().writeValueAsString(body));
          default -> ApiRequest.postJson(URI.create(url), Json.mapper().writeValueAsString(body));
        };
    try {
      return graph.send(request);
    } catch (HttpException e) {
      if (e.response().isPresent() && !RETRIED.contains(e.status())) {
        return e.response().get();
      }
      throw e;
    }
  }
}
