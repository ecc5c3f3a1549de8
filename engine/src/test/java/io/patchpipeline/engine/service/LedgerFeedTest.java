package io.patchpipeline.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.ledger.EventType;
import io.patchpipeline.engine.ledger.Ledger;
import io.patchpipeline.engine.ledger.LedgerEvent;
import io.patchpipeline.engine.ledger.LedgerFeed;
import io.patchpipeline.engine.ledger.LedgerOptions;
import io.patchpipeline.engine.ledger.SlaOutcome;
import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.ticket.TicketLink;
import io.patchpipeline.engine.ticket.TicketLinks;
import io.patchpipeline.engine.triage.Approval;
import io.patchpipeline.engine.triage.Outcome;
import io.patchpipeline.engine.triage.TriageDecision;
import io.patchpipeline.engine.triage.TriageRecords;
import io.patchpipeline.engine.triage.TriageSection;
import io.patchpipeline.engine.verify.VerifyResult;
import io.patchpipeline.engine.verify.VerifyService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feeds a record through every stage into a real H2 ledger and reads back the events. */
class LedgerFeedTest {
  private static final Instant TRIAGED_AT = Instant.parse("2026-01-05T00:00:00Z");

  @TempDir Path folder;
  private Ledger ledger;

  @BeforeEach
  void open() {
    ledger = Ledger.open(LedgerOptions.h2(folder.resolve("ledger")));
  }

  @AfterEach
  void close() {
    ledger.close();
  }

  @Test
  void detectionAddsUnitsWithTheirRun() {
    PatchRecord record = VerifyFlowTest.twoUnits();

    LedgerFeed.append(ledger, record, "record.json", "team-a/web#3");

    assertThat(ledger.units())
        .extracting(u -> u.unitId())
        .containsExactlyInAnyOrder("PP-ssl", "PP-curl");
    assertThat(types("PP-ssl")).containsExactly(EventType.DETECTED, EventType.SLA_DUE);
    assertThat(ledger.events("PP-ssl").get(0).runId()).isEqualTo("team-a/web#3");
  }

  @Test
  void everyStageBecomesEventsOnce() throws Exception {
    PatchRecord record = allStages();

    int first = LedgerFeed.append(ledger, record, "record.json");
    int second = LedgerFeed.append(ledger, record, "record.json");

    // DETECTED and SLA_DUE of both units, then 7 stage events of PP-ssl and 4 of PP-curl; SLA_MET
    // is settled by the ledger itself and not counted.
    assertThat(first).isEqualTo(15);
    assertThat(second).isZero();
    assertThat(types("PP-ssl"))
        .containsExactly(
            EventType.DETECTED,
            EventType.SLA_DUE,
            EventType.TICKETED,
            EventType.TRIAGED,
            EventType.APPROVED,
            EventType.TESTED,
            EventType.DEPLOYED,
            EventType.VERIFIED,
            EventType.CLOSED,
            EventType.SLA_MET);
    assertThat(types("PP-curl"))
        .containsExactly(
            EventType.DETECTED,
            EventType.SLA_DUE,
            EventType.TRIAGED,
            EventType.APPROVED,
            EventType.TESTED,
            EventType.DEPLOYED);
    assertThat(ledger.unit("PP-ssl").orElseThrow().outcome()).contains(SlaOutcome.MET);
    assertThat(ledger.unit("PP-curl").orElseThrow().isOpen()).isTrue();
  }

  @Test
  void personalApprovalNamesTheApprover() throws Exception {
    LedgerFeed.append(ledger, allStages(), "record.json");

    LedgerEvent approved =
        ledger.events("PP-curl").stream()
            .filter(e -> e.type() == EventType.APPROVED)
            .findFirst()
            .orElseThrow();
    assertThat(approved.actor()).isEqualTo("alice");
    assertThat(approved.detail()).contains("JENKINS_INPUT");
  }

  private List<EventType> types(String unitId) {
    return ledger.events(unitId).stream().map(LedgerEvent::type).toList();
  }

  PatchRecord allStages() throws Exception {
    PatchRecord record = VerifyFlowTest.twoUnits();
    record =
        TicketLinks.of(record)
            .with(
                "PP-ssl",
                new TicketLink(
                    "jira",
                    "SEC-1",
                    "1",
                    "https://jira.example/SEC-1",
                    "k",
                    "open",
                    Priority.P1,
                    "h",
                    TRIAGED_AT))
            .writeTo(record);
    record = TriageRecords.write(record, triage());
    record = record.withStage("deploy", Json.mapper().readTree(deploySection()));
    Path dpkg =
        Files.writeString(
            folder.resolve("web1.dpkg.txt"), "openssl 3.0.11-1~deb12u2\ncurl 7.88.1-10\n");
    VerifyResult result =
        new VerifyService()
            .verify(
                record,
                new io.patchpipeline.engine.verify.VerifyOptions(
                    InventoryFiles.resolve(folder, List.of("web1.dpkg.txt"), "auto"),
                    List.of(),
                    List.of(),
                    List.of(),
                    null,
                    true));
    return VerifySection.write(record, result, VerifyFlowTest.BEFORE_DUE);
  }

  private static TriageSection triage() {
    return new TriageSection(
        TriageSection.SCHEMA_VERSION,
        "default",
        "",
        "built-in",
        "",
        TRIAGED_AT,
        Optional.empty(),
        List.of(),
        java.util.Set.of(),
        List.of(
            decision("PP-ssl", Outcome.AUTO_APPROVED), decision("PP-curl", Outcome.NEEDS_APPROVAL)),
        List.of(
            new Approval(
                List.of("PP-curl"),
                "alice",
                "reviewed",
                Approval.Channel.JENKINS_INPUT,
                Approval.Kind.APPROVAL,
                false,
                false,
                TRIAGED_AT.plusSeconds(3600))),
        List.of());
  }

  private static TriageDecision decision(String unitId, Outcome outcome) {
    return new TriageDecision(
        unitId,
        "P1",
        outcome,
        "routine",
        "epss < 0.2",
        Map.of(),
        List.of(),
        "reason",
        "",
        "",
        Optional.empty(),
        Optional.empty(),
        "",
        Optional.empty(),
        "",
        "built-in",
        "",
        TriageDecision.BY_POLICY,
        TRIAGED_AT);
  }

  private static String deploySection() {
    return "{\"plan\":\"plan.yaml\",\"tool\":\"ansible\",\"emergency\":false,\"rollout\":{"
        + "\"formatVersion\":1,\"planHash\":\"abc\",\"unitIds\":[\"PP-ssl\",\"PP-curl\"],"
        + "\"waves\":[{\"index\":0,\"name\":\"staging\",\"kind\":\"STAGING\",\"hosts\":[\"s1\"],"
        + "\"phase\":\"PASSED\",\"finishedAt\":\"2026-01-10T00:00:00Z\"},"
        + "{\"index\":1,\"name\":\"canary\",\"kind\":\"CANARY\",\"hosts\":[\"web1\"],"
        + "\"phase\":\"PASSED\",\"finishedAt\":\"2026-01-12T00:00:00Z\"}],"
        + "\"current\":1,\"status\":\"SUCCEEDED\",\"reason\":\"\","
        + "\"startedAt\":\"2026-01-09T00:00:00Z\",\"updatedAt\":\"2026-01-12T00:00:00Z\"}}";
  }
}
