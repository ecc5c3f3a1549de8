package io.patchpipeline.engine.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RecordStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Post-incident review tickets on every ticket system: a separate ticket that names the unit's
 * ticket, opened once however often a run repeats, and without the credential in it.
 */
class ReviewTicketTest {
  private static final Instant APPROVED_AT = Instant.parse("2026-12-04T09:30:00Z");
  private static final String REASON = "Exploited in the wild; patch all hosts now";

  @TempDir Path temp;

  @ParameterizedTest
  @EnumSource(TicketSystemType.class)
  void reviewOpensOnceAndNamesUnitTicket(TicketSystemType type) throws Exception {
    try (Fixture fixture = Fixture.of(type, temp.resolve("tickets"))) {
      TicketSync sync = fixture.sync(temp.resolve("outbox.json"), false);
      PatchRecord record = sync.sync(TestRecords.units(2)).record();
      String unitId = record.units().get(0).id();
      String unitTicket = TicketLinks.of(record).unit(unitId).orElseThrow().key();

      ReviewTicket first = sync.openReview(record, unitId, "carol", REASON, APPROVED_AT).get();
      ReviewTicket again = sync.openReview(record, unitId, "carol", REASON, APPROVED_AT).get();

      assertThat(first.created()).isTrue();
      assertThat(again.created()).isFalse();
      assertThat(again.key()).isEqualTo(first.key());
      assertThat(first.key()).isNotEqualTo(unitTicket);
      assertThat(fixture.ticketCount()).isEqualTo(3);
      // Jira Data Center's wiki markup escapes hyphens.
      String text = fixture.text(first.key()).replace("\\-", "-");
      assertThat(text).contains("Post-incident review").contains(unitTicket);
      assertThat(text).contains("carol").contains(REASON).contains("2026-12-04 09:30:00 UTC");
      assertThat(text).contains("CVE-2026-10000").contains("What to review");
      assertThat(text).contains(DedupKeys.review(record.units().get(0).key()));
      assertThat(Files.exists(temp.resolve("outbox.json"))).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(TicketSystemType.class)
  void freshSyncFindsReviewOfEarlierRun(TicketSystemType type) throws Exception {
    try (Fixture fixture = Fixture.of(type, temp.resolve("tickets"))) {
      PatchRecord record =
          fixture.sync(temp.resolve("outbox.json"), false).sync(TestRecords.units(1)).record();
      String unitId = record.units().get(0).id();
      fixture
          .sync(temp.resolve("outbox.json"), false)
          .openReview(record, unitId, "carol", REASON, APPROVED_AT);

      Optional<ReviewTicket> rerun =
          fixture
              .sync(temp.resolve("outbox.json"), false)
              .openReview(record, unitId, "dave", "another reason", APPROVED_AT.plusSeconds(60));

      assertThat(rerun).get().extracting(ReviewTicket::created).isEqualTo(false);
      assertThat(fixture.ticketCount()).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = TicketSystemType.class,
      names = {"JIRA_CLOUD", "JIRA_DATA_CENTER", "SERVICENOW"})
  void lostCreateResponseIsFoundNotRepeated(TicketSystemType type) throws Exception {
    try (Fixture fixture = Fixture.of(type, temp.resolve("tickets"))) {
      TicketSync sync = fixture.sync(temp.resolve("outbox.json"), false);
      PatchRecord record = sync.sync(TestRecords.units(1)).record();
      fixture
          .server()
          .orElseThrow()
          .failNext("POST", createPath(type), FakeApiServer.Fault.DROP_AFTER_PROCESSING);

      ReviewTicket review =
          sync.openReview(record, record.units().get(0).id(), "carol", REASON, APPROVED_AT).get();

      assertThat(review.created()).isTrue();
      assertThat(fixture.ticketCount()).isEqualTo(2);
      assertThat(fixture.server().orElseThrow().pendingFaults()).isZero();
    }
  }

  @org.junit.jupiter.api.Test
  void serviceNowReviewKeepsConstantFields() throws Exception {
    try (Fixture.ServiceNow fixture = new Fixture.ServiceNow()) {
      TicketSync sync = fixture.sync(temp.resolve("outbox.json"), false);
      PatchRecord record = sync.sync(TestRecords.units(1)).record();

      ReviewTicket review =
          sync.openReview(record, record.units().get(0).id(), "carol", REASON, APPROVED_AT).get();

      FakeServiceNow.Row row =
          fixture.server.rows().stream()
              .filter(r -> r.get("number").equals(review.key()))
              .findFirst()
              .orElseThrow();
      assertThat(row.get("category")).isEqualTo("software");
      assertThat(row.get("impact")).isEqualTo("1");
      assertThat(row.get("due_date")).isEmpty();
      assertThat(row.get("correlation_id")).startsWith(DedupKeys.REVIEW_PREFIX);
    }
  }

  @ParameterizedTest
  @EnumSource(TicketSystemType.class)
  void dryRunOpensNoReview(TicketSystemType type) throws Exception {
    try (Fixture fixture = Fixture.of(type, temp.resolve("tickets"))) {
      PatchRecord record =
          fixture.sync(temp.resolve("outbox.json"), false).sync(TestRecords.units(1)).record();

      Optional<ReviewTicket> review =
          fixture
              .sync(temp.resolve("outbox.json"), true)
              .openReview(record, record.units().get(0).id(), "carol", REASON, APPROVED_AT);

      assertThat(review).isEmpty();
      assertThat(fixture.ticketCount()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TicketSystemType.class)
  void commentOnceSkipsMarkedComment(TicketSystemType type) throws Exception {
    try (Fixture fixture = Fixture.of(type, temp.resolve("tickets"))) {
      TicketSync sync = fixture.sync(temp.resolve("outbox.json"), false);
      PatchRecord record = sync.sync(TestRecords.units(1)).record();
      String unitId = record.units().get(0).id();
      String key = TicketLinks.of(record).unit(unitId).orElseThrow().key();

      PatchRecord marked = sync.commentOnce(record, unitId, "Triage: approved");
      PatchRecord rerun = sync.commentOnce(marked, unitId, "Triage: approved");
      PatchRecord other = sync.commentOnce(rerun, unitId, "Approval: approved by bob");

      assertThat(rerun).isSameAs(marked);
      assertThat(sync.commented(other, unitId, "Approval: approved by bob")).isTrue();
      assertThat(fixture.comments(key)).filteredOn(c -> c.contains("Triage: approved")).hasSize(1);
      assertThat(fixture.comments(key)).anyMatch(c -> c.contains("Approval: approved by bob"));
    }
  }

  @ParameterizedTest
  @EnumSource(TicketSystemType.class)
  void reviewOfUnknownUnitFails(TicketSystemType type) throws Exception {
    try (Fixture fixture = Fixture.of(type, temp.resolve("tickets"))) {
      TicketSync sync = fixture.sync(temp.resolve("outbox.json"), false);
      PatchRecord record = TestRecords.units(1);

      assertThatThrownBy(() -> sync.openReview(record, "PP-missing", "carol", REASON, APPROVED_AT))
          .isInstanceOf(TicketException.class)
          .hasMessageContaining("PP-missing");
    }
  }

  @ParameterizedTest
  @EnumSource(TicketSystemType.class)
  void reviewAndCommentsCarryNoSecret(TicketSystemType type) throws Exception {
    try (Fixture fixture = Fixture.of(type, temp.resolve("tickets"))) {
      Path recordFile = temp.resolve("record.json");
      TicketSync sync = fixture.sync(Outbox.besideRecord(recordFile), false);
      PatchRecord record = sync.sync(TestRecords.units(1)).record();
      String unitId = record.units().get(0).id();
      record = sync.commentOnce(record, unitId, "Triage: emergency");
      ReviewTicket review = sync.openReview(record, unitId, "carol", REASON, APPROVED_AT).get();
      RecordStore.write(recordFile, record);

      List<String> texts = new ArrayList<>();
      texts.add(fixture.text(review.key()));
      fixture
          .server()
          .ifPresent(s -> s.received().forEach(r -> texts.add(r.query() + " " + r.body())));
      texts.addAll(filesUnder(temp));

      assertThat(texts).anyMatch(t -> t.contains(REASON));
      for (String form : secretForms()) {
        assertThat(texts).noneMatch(t -> t.contains(form));
      }
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

  private static String createPath(TicketSystemType type) {
    return switch (type) {
      case JIRA_CLOUD -> "/rest/api/3/issue";
      case JIRA_DATA_CENTER -> "/rest/api/2/issue";
      default -> "/api/now/table/incident";
    };
  }
}
