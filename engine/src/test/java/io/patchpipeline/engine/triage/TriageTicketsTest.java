package io.patchpipeline.engine.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.http.Credentials;
import io.patchpipeline.engine.intel.KevStatus;
import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.ticket.DedupKeys;
import io.patchpipeline.engine.ticket.FileTicket;
import io.patchpipeline.engine.ticket.RemoteTicket;
import io.patchpipeline.engine.ticket.ReviewDraft;
import io.patchpipeline.engine.ticket.TicketChange;
import io.patchpipeline.engine.ticket.TicketClient;
import io.patchpipeline.engine.ticket.TicketDraft;
import io.patchpipeline.engine.ticket.TicketException;
import io.patchpipeline.engine.ticket.TicketLinks;
import io.patchpipeline.engine.ticket.TicketSync;
import io.patchpipeline.engine.ticket.TicketSyncOptions;
import io.patchpipeline.engine.ticket.TicketSystemConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Triage decisions, approvals and post-incident reviews written to the file store. */
class TriageTicketsTest {
  private static final String REASON = "Actively exploited; patch every host now";

  @TempDir Path temp;
  private TicketSync sync;
  private PatchRecord record;

  @BeforeEach
  void triageWithTickets() throws IOException {
    Fixtures fixtures =
        new Fixtures()
            .asset(Fixtures.asset("dev-1", "low", "dev", "internal"))
            .asset(Fixtures.asset("prod-1", "high", "prod", "internet"))
            .unit("PP-auto", Priority.P3, "dev-1", 5.0, 0.05, KevStatus.NOT_LISTED)
            .unit("PP-prod", Priority.P2, "prod-1", 7.5, 0.3, KevStatus.NOT_LISTED)
            .unit("PP-p0", Priority.P0, "prod-1", 9.8, 0.9, KevStatus.LISTED);
    sync = TicketSync.of(options(false));
    PatchRecord withTickets = sync.sync(fixtures.record()).record();
    TriageSection section =
        new Triage(TriagePolicies.preset("default"), fixtures.assets(), SsvcInputs.NONE)
            .decide(withTickets, Fixtures.NOW, Optional.of("alice"), List.of())
            .section();
    record = TriageRecords.write(withTickets, section);
  }

  @Test
  void decisionsCommentedOnce() throws IOException {
    TriageTicketsResult first = TriageTickets.write(sync, record, "record.json");
    TriageTicketsResult rerun = TriageTickets.write(sync, first.record(), "record.json");

    assertThat(first.commented()).isEqualTo(3);
    assertThat(first.failed()).isFalse();
    assertThat(rerun.commented()).isZero();
    assertThat(rerun.alreadyCommented()).isEqualTo(3);
    assertThat(comments("PP-p0")).hasSize(1);
    assertThat(comments("PP-p0").get(0))
        .startsWith("Triage: EMERGENCY by rule")
        .contains("Approver group:");
    assertThat(rerun.summary("local"))
        .isEqualTo("Triage on tickets in local: 0 comments written, 3 already written");
  }

  @Test
  void approvalCommentNamesApproverRuleAndOverride() throws IOException {
    PatchRecord approved =
        approve(record, "alice", Approval.Kind.APPROVAL, true, "admin decision", "PP-prod");

    TriageTicketsResult result = TriageTickets.write(sync, approved, "record.json");

    assertThat(result.commented()).isEqualTo(4);
    String approval = comments("PP-prod").get(1);
    assertThat(approval).startsWith("Approval: Approved by alice through the Jenkins input step");
    assertThat(approval).contains("on rule ");
    assertThat(approval).contains("Jenkins administrator override");
    assertThat(approval).endsWith("Reason: admin decision");
  }

  @Test
  void emergencyBypassOpensOneReview() throws IOException {
    PatchRecord bypassed =
        approve(record, "carol", Approval.Kind.EMERGENCY_BYPASS, false, REASON, "PP-p0");

    TriageTicketsResult first = TriageTickets.write(sync, bypassed, "record.json");
    TriageTicketsResult rerun = TriageTickets.write(sync, first.record(), "record.json");

    assertThat(first.reviewsOpened()).isEqualTo(1);
    assertThat(rerun.reviewsOpened()).isZero();
    assertThat(rerun.reviewsFound()).isZero();
    PostIncidentReview review = section(first.record()).reviews().get(0);
    assertThat(review.ticket()).isNotEmpty();
    FileTicket ticket = ticket(review.ticket());
    assertThat(ticket.labels()).contains(ReviewDraft.REVIEW_LABEL);
    assertThat(ticket.description())
        .contains("carol")
        .contains(REASON)
        .contains(DedupKeys.review(unitKey("PP-p0")));
    assertThat(comments("PP-p0"))
        .containsOnlyOnce("Post-incident review opened: " + review.ticket() + ".")
        .anyMatch(c -> c.startsWith("Approval: Emergency bypass of the canary approved by carol"));
    assertThat(first.summary("local")).contains("1 post-incident review opened");
  }

  @Test
  void lostReviewKeyIsFoundBySearch() throws IOException {
    PatchRecord bypassed =
        approve(record, "carol", Approval.Kind.EMERGENCY_BYPASS, false, REASON, "PP-p0");
    TriageTicketsResult first = TriageTickets.write(sync, bypassed, "record.json");

    TriageTicketsResult fromOldRecord = TriageTickets.write(sync, bypassed, "record.json");

    assertThat(fromOldRecord.reviewsOpened()).isZero();
    assertThat(fromOldRecord.reviewsFound()).isEqualTo(1);
    assertThat(section(fromOldRecord.record()).reviews().get(0).ticket())
        .isEqualTo(section(first.record()).reviews().get(0).ticket());
  }

  @Test
  void rejectedCommentIsReportedAndOthersGoOn() throws IOException {
    TicketSync failing = new TicketSync(new RejectingComments(), options(false));

    TriageTicketsResult result = TriageTickets.write(failing, record, "record.json");

    assertThat(result.failed()).isTrue();
    assertThat(result.messages()).hasSize(3);
    assertThat(result.messages().get(0).text())
        .contains("the triage comment was not written")
        .contains("comments are disabled");
    assertThat(result.commented()).isZero();
    assertThat(TriageTickets.write(sync, result.record(), "record.json").commented()).isEqualTo(3);
  }

  @Test
  void dryRunWritesNothing() throws IOException {
    PatchRecord bypassed =
        approve(record, "carol", Approval.Kind.EMERGENCY_BYPASS, false, REASON, "PP-p0");

    TriageTicketsResult result =
        TriageTickets.write(TicketSync.of(options(true)), bypassed, "record.json");

    assertThat(result.reviewsOpened()).isZero();
    assertThat(comments("PP-p0")).isEmpty();
    assertThat(section(result.record()).reviews().get(0).ticket()).isEmpty();
  }

  private PatchRecord approve(
      PatchRecord base,
      String approver,
      Approval.Kind kind,
      boolean admin,
      String reason,
      String id) {
    TriageSection section = section(base);
    ApprovalRequest request =
        new ApprovalRequest(
            List.of(id),
            approver,
            reason,
            Approval.Channel.JENKINS_INPUT,
            kind,
            admin,
            Optional.empty(),
            List.of(),
            Fixtures.NOW.plusSeconds(600));
    return TriageRecords.write(base, Approvals.approve(section, request, "record.json"));
  }

  private static TriageSection section(PatchRecord record) {
    return TriageRecords.read(record, "record.json").orElseThrow();
  }

  private String unitKey(String unitId) {
    return record.unit(unitId).orElseThrow().key();
  }

  private List<String> comments(String unitId) throws IOException {
    String key = TicketLinks.of(record).unit(unitId).orElseThrow().key();
    return ticket(key).comments().stream().map(FileTicket.Comment::text).toList();
  }

  private FileTicket ticket(String key) throws IOException {
    return Json.mapper()
        .readValue(temp.resolve("tickets").resolve(key + ".json").toFile(), FileTicket.class);
  }

  private TicketSyncOptions options(boolean dryRun) {
    return new TicketSyncOptions(
        TicketSystemConfig.fileStore(temp.resolve("tickets")),
        Credentials.none(),
        Optional.of(temp.resolve("outbox.json")),
        dryRun,
        Clock.systemUTC());
  }

  /** A ticket system whose project has comments turned off. */
  private static final class RejectingComments implements TicketClient {
    @Override
    public String name() {
      return "local";
    }

    @Override
    public int searchBatchSize() {
      return 50;
    }

    @Override
    public Map<String, RemoteTicket> find(Collection<String> dedupKeys) {
      return Map.of();
    }

    @Override
    public RemoteTicket create(TicketDraft draft) throws IOException {
      throw new TicketException("create is not expected");
    }

    @Override
    public RemoteTicket createReview(ReviewDraft draft) throws IOException {
      throw new TicketException("create is not expected");
    }

    @Override
    public void update(RemoteTicket ticket, TicketDraft draft, TicketChange change)
        throws IOException {
      throw new TicketException("update is not expected");
    }

    @Override
    public void comment(RemoteTicket ticket, String text) throws IOException {
      throw new TicketException("Ticket system 'local': comments are disabled on " + ticket.key());
    }

    @Override
    public void close(RemoteTicket ticket, String text) throws IOException {
      throw new TicketException("close is not expected");
    }

    @Override
    public void attach(RemoteTicket ticket, Path file) throws IOException {
      throw new TicketException("attach is not expected");
    }

    @Override
    public String checkConnection() {
      return "local";
    }
  }
}
