package io.patchpipeline.engine.ticket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.http.HttpSettings;
import io.patchpipeline.engine.policy.Priority;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A YAML file of named ticket systems for the CLI; docs/tickets.md shows every key. Secrets are
 * named by environment variable or file ({@code tokenEnv}, {@code passwordEnv}, {@code tokenFile},
 * {@code passwordFile}); a secret value in the file is rejected.
 */
public record TicketConfigFile(
    Map<String, TicketSystemConfig> systems,
    Map<String, SecretRef> secrets,
    Optional<String> defaultSystem) {

  private static final Set<String> SECRET_VALUES = Set.of("token", "password", "apiToken");

  public TicketConfigFile {
    systems = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(systems));
    secrets = Map.copyOf(secrets);
  }

  /**
   * Returns the system named {@code name}, or the default one when {@code name} is empty: the
   * {@code default} key, or the only system.
   */
  public TicketSystemConfig system(Optional<String> name, String file) {
    String wanted =
        name.or(() -> defaultSystem)
            .orElse(systems.size() == 1 ? systems.keySet().iterator().next() : "");
    TicketSystemConfig system = systems.get(wanted);
    if (system == null) {
      throw new InputException(
          file,
          "/systems",
          (wanted.isEmpty() ? "no ticket system chosen" : "no ticket system named '" + wanted + "'")
              + "; expected one of "
              + systems.keySet()
              + " (set default or pass --system)");
    }
    return system;
  }

  public SecretRef secret(String system) {
    return secrets.getOrDefault(system, SecretRef.NONE);
  }

  /** Reads {@code file}; relative folders and secret files are resolved against its folder. */
  public static TicketConfigFile read(Path file) throws IOException {
    JsonNode root;
    try {
      root = Json.yaml().readTree(Files.newInputStream(file));
    } catch (NoSuchFileException e) {
      throw new InputException(file.toString(), "", "ticket configuration not found", e);
    } catch (JsonProcessingException e) {
      throw new InputException(file.toString(), "", "invalid YAML: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.path("systems").isObject() || root.path("systems").isEmpty()) {
      throw new InputException(
          file.toString(), "/systems", "missing systems: expected a map of named ticket systems");
    }
    Path base = file.toAbsolutePath().getParent();
    Map<String, TicketSystemConfig> systems = new LinkedHashMap<>();
    Map<String, SecretRef> secrets = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> entries = root.path("systems").fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      Reader reader =
          new Reader(file.toString(), "/systems/" + entry.getKey(), entry.getValue(), base);
      systems.put(entry.getKey(), reader.system(entry.getKey()));
      secrets.put(entry.getKey(), reader.secret());
    }
    Optional<String> defaultSystem = Optional.ofNullable(root.path("default").textValue());
    return new TicketConfigFile(systems, secrets, defaultSystem);
  }

  /** Reads one system, with positions for messages. */
  private record Reader(String file, String pointer, JsonNode node, Path base) {
    TicketSystemConfig system(String name) {
      for (String key : SECRET_VALUES) {
        if (node.has(key) || node.path("auth").has(key)) {
          throw error(
              "/auth/" + key,
              "secret values are not read from this file; name an environment variable (tokenEnv, passwordEnv) or a file (tokenFile, passwordFile)");
        }
      }
      TicketSystemType type = parse("/type", () -> TicketSystemType.parse(text("type", "")));
      TicketSystemConfig.Builder builder = TicketSystemConfig.builder(name, type);
      optional("url").ifPresent(url -> builder.url(uri(url)));
      optional("folder").ifPresent(folder -> builder.folder(base.resolve(folder)));
      optional("project").ifPresent(builder::project);
      optional("issueType").ifPresent(builder::issueType);
      optional("closeTransition").ifPresent(builder::closeTransition);
      optional("table").ifPresent(builder::table);
      optional("resolvedState").ifPresent(builder::resolvedState);
      optional("closeCode").ifPresent(builder::closeCode);
      if (node.has("closureByScan")) {
        builder.closureByScan(node.path("closureByScan").asBoolean());
      }
      if (node.has("labels")) {
        List<String> labels = new ArrayList<>();
        node.path("labels").forEach(l -> labels.add(l.asText()));
        builder.labels(labels);
      }
      node.path("priorities")
          .fields()
          .forEachRemaining(
              p ->
                  builder.priorityName(
                      priority("/priorities/" + p.getKey(), p.getKey()), p.getValue().asText()));
      if (node.has("fields")) {
        Map<String, String> fields = new LinkedHashMap<>();
        node.path("fields")
            .fields()
            .forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText()));
        fields.forEach(
            (field, template) ->
                parse(
                    "/fields/" + field,
                    () -> {
                      ServiceNowFields.validate(field, template);
                      return field;
                    }));
        builder.fields(fields);
      }
      if (node.has("priorityFields")) {
        Map<Priority, Map<String, String>> byPriority = new EnumMap<>(Priority.class);
        node.path("priorityFields")
            .fields()
            .forEachRemaining(
                p -> {
                  Map<String, String> values = new LinkedHashMap<>();
                  p.getValue()
                      .fields()
                      .forEachRemaining(v -> values.put(v.getKey(), v.getValue().asText()));
                  byPriority.put(priority("/priorityFields/" + p.getKey(), p.getKey()), values);
                });
        builder.priorityFields(byPriority);
      }
      if (node.has("searchBatchSize")) {
        builder.searchBatchSize(node.path("searchBatchSize").asInt());
      }
      builder.http(http(node.path("http")));
      return parse("", builder::build);
    }

    SecretRef secret() {
      JsonNode auth = node.path("auth");
      Optional<String> user = Optional.ofNullable(auth.path("user").textValue());
      Optional<String> env =
          Optional.ofNullable(auth.path("tokenEnv").textValue())
              .or(() -> Optional.ofNullable(auth.path("passwordEnv").textValue()));
      Optional<Path> secretFile =
          Optional.ofNullable(auth.path("tokenFile").textValue())
              .or(() -> Optional.ofNullable(auth.path("passwordFile").textValue()))
              .map(base::resolve);
      return new SecretRef(user, env, secretFile, file + " (" + pointer + "/auth)");
    }

    private HttpSettings http(JsonNode http) {
      HttpSettings defaults = HttpSettings.defaults();
      return parse(
          "/http",
          () ->
              new HttpSettings(
                  seconds(http, "connectTimeoutSeconds", defaults.connectTimeout()),
                  seconds(http, "requestTimeoutSeconds", defaults.requestTimeout()),
                  http.path("maxAttempts").asInt(defaults.maxAttempts()),
                  seconds(http, "initialBackoffSeconds", defaults.initialBackoff()),
                  seconds(http, "maxBackoffSeconds", defaults.maxBackoff()),
                  seconds(http, "totalTimeoutSeconds", defaults.totalTimeout()),
                  http.path("writesPerSecond").asDouble(defaults.writesPerSecond()),
                  Optional.empty()));
    }

    private static Duration seconds(JsonNode http, String key, Duration fallback) {
      return http.has(key)
          ? Duration.ofMillis((long) (http.path(key).asDouble() * 1000))
          : fallback;
    }

    private Priority priority(String at, String text) {
      return parse(at, () -> Priority.parse(text));
    }

    private URI uri(String text) {
      try {
        URI uri = new URI(text);
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())
            || uri.getHost() == null) {
          throw error("/url", "invalid url '" + text + "'; expected https://host");
        }
        if (uri.getUserInfo() != null) {
          throw error("/url", "the url must not contain a user or password; use auth");
        }
        return uri;
      } catch (URISyntaxException e) {
        throw error("/url", "invalid url: " + e.getMessage());
      }
    }

    private Optional<String> optional(String key) {
      return Optional.ofNullable(node.path(key).isValueNode() ? node.path(key).asText() : null);
    }

    private String text(String key, String fallback) {
      return optional(key).orElse(fallback);
    }

    private <T> T parse(String at, java.util.function.Supplier<T> parser) {
      try {
        return parser.get();
      } catch (IllegalArgumentException e) {
        throw error(at, e.getMessage());
      }
    }

    private InputException error(String at, String problem) {
      return new InputException(file, pointer + at, problem);
    }
  }
}
