package io.patchpipeline.engine.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.core.Message;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RecordStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The token never reaches a message, an exception, the record, the outbox, a ticket file or a
 * request body, even when requests fail and time out.
 */
class SecretLeakTest {
  @TempDir Path temp;

  @ParameterizedTest
  @EnumSource(
      value = TicketSystemType.class,
      names = {"JIRA_CLOUD", "JIRA_DATA_CENTER", "SERVICENOW"})
  void secretAppearsNowhere(TicketSystemType type) throws Exception {
    try (Fixture fixture = Fixture.of(type, temp)) {
      FakeApiServer server = fixture.server().orElseThrow();
      Path recordFile = temp.resolve("record.json");
      List<String> texts = new ArrayList<>();
      server.failNext(createMethod(), createPath(type), FakeApiServer.Fault.DROP_AFTER_PROCESSING);
      server.failNext(createMethod(), createPath(type), FakeApiServer.Fault.TOO_MANY_REQUESTS);

      TicketSync sync = fixture.sync(Outbox.besideRecord(recordFile), false);
      TicketSyncResult result = sync.sync(TestRecords.units(3));
      RecordStore.write(recordFile, result.record());
      PatchRecord record = result.record();
      try {
        sync.close(record, "PP-missing", "x", java.util.Optional.empty());
      } catch (TicketException e) {
        texts.add(e.getMessage());
      }
      TicketSyncResult denied =
          TicketSync.of(
                  new TicketSyncOptions(
                      fixture.config(),
                      io.patchpipeline.engine.http.Credentials.bearer("x" + Fixture.SECRET),
                      java.util.Optional.of(Outbox.besideRecord(recordFile)),
                      false,
                      java.time.Clock.systemUTC()))
              .sync(TestRecords.units(4));

      result.messages().stream().map(Message::text).forEach(texts::add);
      denied.messages().stream().map(Message::text).forEach(texts::add);
      server.received().forEach(r -> texts.add(r.path() + "?" + r.query() + " " + r.body()));
      texts.add(fixture.credentials().toString());
      texts.addAll(filesUnder(temp));

      assertThat(result.created()).isEqualTo(3);
      assertThat(denied.messages()).isNotEmpty();
      for (String form : secretForms()) {
        assertThat(texts).noneMatch(t -> t.contains(form));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = TicketSystemType.class, names = "FILE")
  void fileStoreWritesNoSecret(TicketSystemType type) throws Exception {
    try (Fixture fixture = Fixture.of(type, temp.resolve("tickets"))) {
      TicketSyncResult result =
          fixture.sync(temp.resolve("outbox.json"), false).sync(TestRecords.units(2));
      RecordStore.write(temp.resolve("record.json"), result.record());

      assertThat(filesUnder(temp)).hasSizeGreaterThan(2).noneMatch(t -> t.contains(Fixture.SECRET));
    }
  }

  private static List<String> secretForms() {
    return List.of(
        Fixture.SECRET,
        Base64.getEncoder()
            .encodeToString(("bot@example.com:" + Fixture.SECRET).getBytes(StandardCharsets.UTF_8)),
        Base64.getEncoder()
            .encodeToString(("pp.integration:" + Fixture.SECRET).getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> filesUnder(Path folder) throws Exception {
    List<String> texts = new ArrayList<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        texts.add(file + " " + Files.readString(file, StandardCharsets.ISO_8859_1));
      }
    }
    return texts;
  }

  private static String createMethod() {
    return "POST";
  }

  private static String createPath(TicketSystemType type) {
    return switch (type) {
      case JIRA_CLOUD -> "/rest/api/3/issue";
      case JIRA_DATA_CENTER -> "/rest/api/2/issue";
      default -> "/api/now/table/incident";
    };
  }
}
