package io.patchpipeline.engine.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import io.patchpipeline.engine.http.Credentials;
import io.patchpipeline.engine.http.HttpSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** A ticket system under test: a fake server (or the file store) with its config and views. */
abstract class Fixture implements AutoCloseable {
  /** A distinctive secret that must never show up in anything Patch Pipeline writes. */
  static final String SECRET = "s3cr3t-T0KEN-7f2b9c41";

  static final HttpSettings FAST =
      HttpSettings.defaults()
          .withRequestTimeout(Duration.ofMillis(1500))
          .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
          .withTotalTimeout(Duration.ofSeconds(20))
          .withWritesPerSecond(0);

  abstract TicketSystemConfig config();

  abstract Credentials credentials();

  abstract int ticketCount() throws IOException;

  /** Returns the comments (work notes) of the ticket as plain text. */
  abstract List<String> comments(String key) throws IOException;

  /** Returns the summary, description and labels (or correlation id) of the ticket as text. */
  abstract String text(String key) throws IOException;

  /** Returns the priority name the ticket shows. */
  abstract String priority(String key) throws IOException;

  /** Returns the fake server, absent for the file store. */
  abstract Optional<FakeApiServer> server();

  TicketSync sync(Path outbox, boolean dryRun) {
    return TicketSync.of(
        new TicketSyncOptions(
            config(), credentials(), Optional.of(outbox), dryRun, Clock.systemUTC()));
  }

  @Override
  public void close() {
    server().ifPresent(FakeApiServer::close);
  }

  static Fixture of(TicketSystemType type, Path folder) throws IOException {
    return switch (type) {
      case JIRA_CLOUD -> new Jira(true);
      case JIRA_DATA_CENTER -> new Jira(false);
      case SERVICENOW -> new ServiceNow();
      case FILE -> new FileStore(folder);
    };
  }

  /** Jira Cloud with e-mail and API token, or Data Center with a personal access token. */
  static final class Jira extends Fixture {
    final FakeJira server;
    final boolean cloud;

    Jira(boolean cloud) throws IOException {
      this.cloud = cloud;
      String authorization =
          cloud
              ? "Basic "
                  + Base64.getEncoder()
                      .encodeToString(
                          ("bot@example.com:" + SECRET).getBytes(StandardCharsets.UTF_8))
              : "Bearer " + SECRET;
      server = new FakeJira(cloud, "SEC", authorization);
    }

    @Override
    TicketSystemConfig config() {
      return TicketSystemConfig.builder(
              "jira-sec", cloud ? TicketSystemType.JIRA_CLOUD : TicketSystemType.JIRA_DATA_CENTER)
          .url(server.url())
          .project("SEC")
          .http(FAST)
          .build();
    }

    @Override
    Credentials credentials() {
      return cloud ? Credentials.basic("bot@example.com", SECRET) : Credentials.bearer(SECRET);
    }

    @Override
    int ticketCount() {
      return server.issues().size();
    }

    @Override
    List<String> comments(String key) {
      List<String> texts = new ArrayList<>();
      for (JsonNode body : server.issue(key).comments) {
        texts.add(cloud ? adfText(body) : body.asText());
      }
      return texts;
    }

    @Override
    String text(String key) {
      FakeJira.Issue issue = server.issue(key);
      JsonNode description = issue.fields.path("description");
      return issue.fields.path("summary").asText()
          + "\n"
          + (cloud ? adfText(description) : description.asText())
          + "\n"
          + issue.labels();
    }

    @Override
    String priority(String key) {
      return server.issue(key).fields.path("priority").path("name").asText();
    }

    @Override
    Optional<FakeApiServer> server() {
      return Optional.of(server);
    }

    private static String adfText(JsonNode node) {
      StringBuilder text = new StringBuilder();
      if (node.has("text")) {
        text.append(node.path("text").asText());
      }
      for (JsonNode child : node.path("content")) {
        text.append(adfText(child));
        if (child.path("type").asText().equals("paragraph")) {
          text.append('\n');
        }
      }
      return text.toString();
    }
  }

  /** ServiceNow incidents with user name and password. */
  static final class ServiceNow extends Fixture {
    final FakeServiceNow server;

    ServiceNow() throws IOException {
      server =
          new FakeServiceNow(
              "incident",
              "Basic "
                  + Base64.getEncoder()
                      .encodeToString(
                          ("pp.integration:" + SECRET).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    TicketSystemConfig config() {
      return TicketSystemConfig.builder("snow", TicketSystemType.SERVICENOW)
          .url(server.url())
          .http(FAST)
          .build();
    }

    @Override
    Credentials credentials() {
      return Credentials.basic("pp.integration", SECRET);
    }

    @Override
    int ticketCount() {
      return server.rows().size();
    }

    @Override
    List<String> comments(String key) {
      return row(key).workNotes;
    }

    @Override
    String text(String key) {
      FakeServiceNow.Row row = row(key);
      return row.get("short_description")
          + "\n"
          + row.get("description")
          + "\n"
          + row.get("correlation_id");
    }

    @Override
    String priority(String key) {
      FakeServiceNow.Row row = row(key);
      return row.get("impact") + "/" + row.get("urgency");
    }

    private FakeServiceNow.Row row(String key) {
      return server.rows().stream()
          .filter(r -> r.get("number").equals(key))
          .findFirst()
          .orElseThrow();
    }

    @Override
    Optional<FakeApiServer> server() {
      return Optional.of(server);
    }
  }

  /** The embedded file store. */
  static final class FileStore extends Fixture {
    final Path folder;

    FileStore(Path folder) {
      this.folder = folder;
    }

    @Override
    TicketSystemConfig config() {
      return TicketSystemConfig.fileStore(folder);
    }

    @Override
    Credentials credentials() {
      return Credentials.none();
    }

    @Override
    int ticketCount() throws IOException {
      try (var files = java.nio.file.Files.list(folder)) {
        return (int)
            files.filter(f -> f.getFileName().toString().matches("PP-\\d+\\.json")).count();
      }
    }

    @Override
    List<String> comments(String key) throws IOException {
      return read(key).comments().stream().map(FileTicket.Comment::text).toList();
    }

    @Override
    String text(String key) throws IOException {
      FileTicket ticket = read(key);
      return ticket.summary() + "\n" + ticket.description() + "\n" + ticket.labels();
    }

    @Override
    String priority(String key) throws IOException {
      return read(key).priority().name();
    }

    private FileTicket read(String key) throws IOException {
      return io.patchpipeline.engine.core.Json.mapper()
          .readValue(folder.resolve(key + ".json").toFile(), FileTicket.class);
    }

    @Override
    Optional<FakeApiServer> server() {
      return Optional.empty();
    }
  }
}
