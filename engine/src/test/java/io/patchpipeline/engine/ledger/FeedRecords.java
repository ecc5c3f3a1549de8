package io.patchpipeline.engine.ledger;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.patchpipeline.engine.deploy.DeploySection;
import io.patchpipeline.engine.deploy.RolloutState;
import io.patchpipeline.engine.deploy.Wave;
import io.patchpipeline.engine.deploy.WaveState;
import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.UnitFinding;
import io.patchpipeline.engine.ticket.TicketLink;
import io.patchpipeline.engine.ticket.TicketLinks;
import io.patchpipeline.engine.triage.Approval;
import io.patchpipeline.engine.triage.Outcome;
import io.patchpipeline.engine.triage.TriageDecision;
import io.patchpipeline.engine.triage.TriageRecords;
import io.patchpipeline.engine.triage.TriageSection;
import io.patchpipeline.engine.verify.Records;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A record with two units at each stage of the pipeline, for the ledger feed. */
final class FeedRecords {
  static final Instant DETECTED = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant TICKETED = Instant.parse("2026-01-01T01:00:00Z");
  static final Instant TRIAGED = Instant.parse("2026-01-01T02:00:00Z");
  static final Instant APPROVED = Instant.parse("2026-01-02T09:00:00Z");
  static final Instant TESTED = Instant.parse("2026-01-03T10:00:00Z");
  static final Instant DEPLOYED = Instant.parse("2026-01-04T10:00:00Z");
  static final Instant VERIFIED = Instant.parse("2026-01-05T10:00:00Z");

  private FeedRecords() {}

  /** Returns the detected record: units PP-ssl (auto-approved) and PP-curl (needs approval). */
  static PatchRecord detected() {
    UnitFinding ssl =
        Records.finding("f1", "CVE-2024-0001", "openssl", "3.0.9-1", "3.0.11-1", "web1");
    UnitFinding curl =
        Records.finding("f2", "CVE-2024-0003", "curl", "7.88.1-10", "7.88.1-11", "web1");
    return Records.record(
        List.of(ssl, curl),
        List.of(
            Records.unit("PP-ssl", "openssl", List.of(ssl)),
            Records.unit("PP-curl", "curl", List.of(curl))));
  }

  static PatchRecord ticketed() {
    TicketLinks links = new TicketLinks(Map.of());
    for (String unit : List.of("PP-ssl", "PP-curl")) {
      links =
          links.with(
              unit,
              new TicketLink(
                  "jira",
                  "SEC-" + unit.length(),
                  "1" + unit.length(),
                  "https://jira.example/browse/SEC-" + unit.length(),
                  "pp-" + unit,
                  "open",
                  Priority.P1,
                  "hash",
                  TICKETED));
    }
    return links.writeTo(detected());
  }

  static PatchRecord triaged() {
    TriageSection section =
        new TriageSection(
            1,
            "default",
            "balanced",
            "built-in",
            "",
            TRIAGED,
            Optional.empty(),
            List.of(),
            Set.of(),
            List.of(
                decision("PP-ssl", Outcome.AUTO_APPROVED),
                decision("PP-curl", Outcome.NEEDS_APPROVAL)),
            List.of(),
            List.of());
    return TriageRecords.write(ticketed(), section);
  }

  static PatchRecord approved() {
    TriageSection section = TriageRecords.read(triaged(), "record.json").orElseThrow();
    TriageSection withApproval =
        new TriageSection(
            section.schemaVersion(),
            section.policyName(),
            section.preset(),
            section.policySource(),
            section.policySha256(),
            section.decidedAt(),
            section.startedBy(),
            section.changeAuthors(),
            section.selfApproval(),
            section.decisions(),
            List.of(
                new Approval(
                    List.of("PP-curl"),
                    "alice",
                    "patch window",
                    Approval.Channel.CLI,
                    Approval.Kind.APPROVAL,
                    false,
                    false,
                    APPROVED)),
            List.of());
    return TriageRecords.write(triaged(), withApproval);
  }

  static PatchRecord deployed() {
    WaveState staging =
        new WaveState(
            0,
            "staging",
            Wave.Kind.STAGING,
            List.of("stage1"),
            WaveState.Phase.PASSED,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            TRIAGED,
            TESTED,
            TESTED,
            TESTED,
            "healthy");
    RolloutState rollout =
        new RolloutState(
            RolloutState.FORMAT_VERSION,
            "plan-hash",
            List.of("PP-ssl", "PP-curl"),
            List.of(staging),
            0,
            RolloutState.Status.SUCCEEDED,
            "",
            TRIAGED,
            DEPLOYED,
            List.of());
    return new DeploySection("plan.yaml", "ansible", false, rollout).writeTo(approved());
  }

  static PatchRecord verified() {
    ObjectNode section = JsonNodeFactory.instance.objectNode();
    section.put("verifiedAt", VERIFIED.toString());
    ObjectNode unit = section.putArray("units").addObject();
    unit.put("unitId", "PP-ssl");
    unit.put("verified", true);
    unit.putArray("methods").add("targeted");
    ObjectNode open = section.withArray("units").addObject();
    open.put("unitId", "PP-curl");
    open.put("verified", false);
    return deployed().withStage("verify", section);
  }

  private static TriageDecision decision(String unitId, Outcome outcome) {
    return new TriageDecision(
        unitId,
        "P1",
        outcome,
        outcome == Outcome.AUTO_APPROVED ? "auto-p1" : "people-p1",
        "true",
        Map.of(),
        List.of(),
        "",
        outcome == Outcome.AUTO_APPROVED ? "" : "ops",
        "web1",
        Optional.empty(),
        Optional.empty(),
        "",
        Optional.empty(),
        "",
        "built-in",
        "",
        "policy",
        TRIAGED);
  }
}
