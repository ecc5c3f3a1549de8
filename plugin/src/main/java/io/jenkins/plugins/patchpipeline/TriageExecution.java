package io.jenkins.plugins.patchpipeline;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RecordStore;
import io.patchpipeline.engine.triage.Approval;
import io.patchpipeline.engine.triage.ApprovalRequest;
import io.patchpipeline.engine.triage.Approvals;
import io.patchpipeline.engine.triage.TriageRecords;
import io.patchpipeline.engine.triage.TriageSection;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/** Runs {@code patchTriage} off the CPS thread: decide on the agent, or record an approval. */
final class TriageExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
  private static final long serialVersionUID = 1L;

  private final TriageSettings settings;

  /** Decides whether a user has Overall/Administer. Tests replace Jenkins' ACL with a fixed set. */
  private final transient Predicate<String> administrators;

  private final transient TicketStage ticketStage;

  TriageExecution(PatchTriageStep step, StepContext context) {
    this(
        step,
        context,
        RunIdentities::isAdministrator,
        new TicketStage(
            PatchPipelineConfiguration.get().getTicketSystems(), CredentialLookup.store()));
  }

  TriageExecution(PatchTriageStep step, StepContext context, Predicate<String> administrators) {
    this(step, context, administrators, new TicketStage(List.of(), CredentialLookup.store()));
  }

  /** Creates an execution that writes to tickets through {@code ticketStage}. */
  TriageExecution(
      PatchTriageStep step,
      StepContext context,
      Predicate<String> administrators,
      TicketStage ticketStage) {
    super(context);
    this.settings = TriageSettings.of(step);
    this.administrators = administrators;
    this.ticketStage = ticketStage;
  }

  @Override
  protected Map<String, Object> run() throws Exception {
    Run<?, ?> run = getContext().get(Run.class);
    PrintStream log = getContext().get(TaskListener.class).getLogger();
    if (!Files.exists(BuildRecords.file(run))) {
      throw new AbortException(Messages.Triage_NoRecord());
    }
    return settings.isApproval() ? approve(run, log) : decide(run, log);
  }

  private Map<String, Object> decide(Run<?, ?> run, PrintStream log) throws Exception {
    byte[] record = Files.readAllBytes(BuildRecords.file(run));
    TriageCallable callable =
        new TriageCallable(
            record,
            settings,
            RunIdentities.startedBy(run).orElse(null),
            RunIdentities.changeAuthors(run));
    TriageOutcome outcome;
    FilePath workspace = getContext().get(FilePath.class);
    if (workspace != null) {
      outcome = workspace.act(callable);
    } else if (settings.readsWorkspace()) {
      throw new AbortException(Messages.Triage_NeedsWorkspace());
    } else {
      outcome = callable.invoke(run.getRootDir(), null);
    }
    for (String line : outcome.messages()) {
      log.println(Messages.Console_Prefix(line));
    }
    if (outcome.isFailed()) {
      throw new AbortException(Messages.Triage_Failed(outcome.problem()));
    }
    BuildRecords.write(run, outcome.record());
    writeTickets(run, log);
    LedgerHook.configured().append(run, log);
    Map<String, Object> value = new LinkedHashMap<>(outcome.summary());
    value.put("recordFile", BuildRecords.RECORD_FILE);
    return value;
  }

  private Map<String, Object> approve(Run<?, ?> run, PrintStream log) throws IOException {
    String approver =
        RunIdentities.latestApprover(run)
            .orElseThrow(() -> new AbortException(Messages.Triage_NoInputApproval()));
    if (settings.approver() != null && !settings.approver().equalsIgnoreCase(approver)) {
      throw new AbortException(Messages.Triage_ApproverMismatch(settings.approver(), approver));
    }
    PatchRecord record = BuildRecords.read(run);
    try {
      TriageSection section =
          TriageRecords.read(record, BuildRecords.RECORD_FILE)
              .orElseThrow(() -> new AbortException(Messages.Triage_NotTriaged()));
      TriageSection approved =
          Approvals.approve(section, request(run, approver), BuildRecords.RECORD_FILE);
      BuildRecords.write(run, RecordStore.toBytes(TriageRecords.write(record, approved)));
      LedgerHook.configured().append(run, log);
      Approval recorded = approved.approvals().get(approved.approvals().size() - 1);
      log.println(
          Messages.Console_Prefix(
              describe(recorded) + "; still waiting: " + join(approved.pendingIds())));
      writeTickets(run, log);
      return approvalValue(approved, recorded);
    } catch (InputException e) {
      throw new AbortException(Messages.Triage_Failed(e.getMessage()));
    }
  }

  /**
   * Comments the record's triage on the tickets when the step names a ticket system. A failed write
   * makes the build unstable rather than failing it, because the decision is recorded.
   */
  private void writeTickets(Run<?, ?> run, PrintStream log) throws IOException {
    if (settings.tickets() != null && !ticketStage.writeTriage(run, settings.tickets(), log)) {
      run.setResult(Result.UNSTABLE);
      log.println(Messages.Console_Prefix(Messages.Triage_TicketsUnstable(settings.tickets())));
    }
  }

  private ApprovalRequest request(Run<?, ?> run, String approver) {
    return new ApprovalRequest(
        settings.approve(),
        approver,
        settings.reason(),
        Approval.Channel.JENKINS_INPUT,
        settings.kind(),
        administrators.test(approver),
        RunIdentities.startedBy(run),
        RunIdentities.changeAuthors(run),
        Instant.now());
  }

  static String describe(Approval approval) {
    String what =
        approval.kind() == Approval.Kind.EMERGENCY_BYPASS ? "canary bypass approved" : "approved";
    return String.join(", ", approval.unitIds())
        + " "
        + what
        + " by "
        + approval.approver()
        + (approval.override() ? " as an administrator override" : "")
        + (approval.selfApproval() ? " (self-approval allowed by the policy)" : "");
  }

  static Map<String, Object> approvalValue(TriageSection section, Approval approval) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("approver", approval.approver());
    value.put("kind", approval.kind().name().toLowerCase(Locale.ROOT));
    value.put("override", approval.override());
    value.put("approved", new ArrayList<>(section.approvedIds()));
    value.put("pending", new ArrayList<>(section.pendingIds()));
    value.put("canaryBypass", new ArrayList<>(section.canaryBypassIds()));
    value.put("recordFile", BuildRecords.RECORD_FILE);
    return value;
  }

  private static String join(List<String> ids) {
    return ids.isEmpty() ? "none" : String.join(", ", ids);
  }
}
