package io.patchpipeline.engine.ticket;

import io.patchpipeline.engine.http.HttpSettings;
import io.patchpipeline.engine.policy.Priority;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One named ticket system, without its secret: the CLI reads it from a YAML file, the plugin from
 * the global configuration. Fields that do not apply to the system's type are ignored.
 *
 * @param url the base URL, such as {@code https://example.atlassian.net}; absent for the file store
 * @param folder the folder of the file store
 * @param project the Jira project key
 * @param labels labels added to every Jira ticket besides the dedup label
 * @param priorityNames the Jira priority name of each priority
 * @param closeTransition the name of the Jira transition that closes an issue
 * @param table the ServiceNow table
 * @param fields ServiceNow fields set on create and update, as templates with placeholders such as
 *     {@code {summary}}; see {@link ServiceNowFields}
 * @param priorityFields ServiceNow fields set per priority, such as impact and urgency
 * @param resolvedState the ServiceNow state value that means resolved ({@code 6} for incidents)
 * @param closeCode the ServiceNow {@code close_code} set when resolving; empty to leave it unset
 * @param closureByScan whether Vulnerability Response closes items only after a confirming scan:
 *     Patch Pipeline then sets the resolved state and leaves closure to it
 * @param searchBatchSize dedup keys per search request
 */
public record TicketSystemConfig(
    String name,
    TicketSystemType type,
    Optional<URI> url,
    Optional<Path> folder,
    String project,
    String issueType,
    List<String> labels,
    Map<Priority, String> priorityNames,
    String closeTransition,
    String table,
    Map<String, String> fields,
    Map<Priority, Map<String, String>> priorityFields,
    String resolvedState,
    String closeCode,
    boolean closureByScan,
    int searchBatchSize,
    HttpSettings http) {

  public TicketSystemConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    labels = List.copyOf(labels);
    priorityNames = Map.copyOf(priorityNames);
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    priorityFields = Map.copyOf(priorityFields);
    if (searchBatchSize < 1 || searchBatchSize > 100) {
      throw new IllegalArgumentException(
          "invalid searchBatchSize " + searchBatchSize + "; expected 1 to 100");
    }
    if (type == TicketSystemType.FILE && folder.isEmpty()) {
      throw new IllegalArgumentException("missing folder for the file ticket store '" + name + "'");
    }
    if (type != TicketSystemType.FILE && url.isEmpty()) {
      throw new IllegalArgumentException("missing url for ticket system '" + name + "'");
    }
    if (type.name().startsWith("JIRA") && (project == null || project.isBlank())) {
      throw new IllegalArgumentException("missing project key for Jira system '" + name + "'");
    }
  }

  /** Returns a builder with the defaults of {@code type}. */
  public static Builder builder(String name, TicketSystemType type) {
    return new Builder(name, type);
  }

  /** Returns the file store in {@code folder}, the embedded default. */
  public static TicketSystemConfig fileStore(Path folder) {
    return builder("local", TicketSystemType.FILE).folder(folder).build();
  }

  /** Builder so that each front end sets only what the user gave. */
  public static final class Builder {
    private final String name;
    private final TicketSystemType type;
    private URI url;
    private Path folder;
    private String project = "";
    private String issueType = "Bug";
    private List<String> labels = List.of("security", "patch-pipeline");
    private final Map<Priority, String> priorityNames = new EnumMap<>(Priority.class);
    private String closeTransition = "Done";
    private String table = "incident";
    private Map<String, String> fields = ServiceNowFields.defaults();
    private Map<Priority, Map<String, String>> priorityFields = ServiceNowFields.priorityDefaults();
    private String resolvedState = "6";
    private String closeCode = "Solution provided";
    private boolean closureByScan;
    private int searchBatchSize = 50;
    private HttpSettings http = HttpSettings.defaults();

    private Builder(String name, TicketSystemType type) {
      this.name = name;
      this.type = type;
      priorityNames.put(Priority.P0, "Highest");
      priorityNames.put(Priority.P1, "High");
      priorityNames.put(Priority.P2, "Medium");
      priorityNames.put(Priority.P3, "Low");
    }

    public Builder url(URI value) {
      url = value;
      return this;
    }

    public Builder folder(Path value) {
      folder = value;
      return this;
    }

    public Builder project(String value) {
      project = value;
      return this;
    }

    public Builder issueType(String value) {
      issueType = value;
      return this;
    }

    public Builder labels(List<String> value) {
      labels = List.copyOf(value);
      return this;
    }

    public Builder priorityName(Priority priority, String value) {
      priorityNames.put(priority, value);
      return this;
    }

    public Builder closeTransition(String value) {
      closeTransition = value;
      return this;
    }

    public Builder table(String value) {
      table = value;
      return this;
    }

    public Builder fields(Map<String, String> value) {
      fields = new LinkedHashMap<>(value);
      return this;
    }

    public Builder priorityFields(Map<Priority, Map<String, String>> value) {
      priorityFields = new EnumMap<>(value);
      return this;
    }

    public Builder resolvedState(String value) {
      resolvedState = value;
      return this;
    }

    public Builder closeCode(String value) {
      closeCode = value;
      return this;
    }

    public Builder closureByScan(boolean value) {
      closureByScan = value;
      return this;
    }

    public Builder searchBatchSize(int value) {
      searchBatchSize = value;
      return this;
    }

    public Builder http(HttpSettings value) {
      http = value;
      return this;
    }

    public TicketSystemConfig build() {
      return new TicketSystemConfig(
          name,
          type,
          Optional.ofNullable(url),
          Optional.ofNullable(folder),
          project,
          issueType,
          labels,
          priorityNames,
          closeTransition,
          table,
          fields,
          priorityFields,
          resolvedState,
          closeCode,
          closureByScan,
          searchBatchSize,
          http);
    }
  }
}
