package io.jenkins.plugins.patchpipeline;

import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.report.ReportReader;
import io.patchpipeline.engine.ticket.TicketSyncResult;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.util.BuildListenerAdapter;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs {@code patchDetect} off the CPS thread: Detect on the agent, then the record into the build
 * folder and the artifacts, a build action, and the summary map as the step's return value.
 */
final class DetectExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
  private static final long serialVersionUID = 1L;

  private final DetectSettings settings;
  private final String tickets;
  private final boolean failOnTicketError;
  private final transient ReportReader reader;
  private final transient TicketStage ticketStage;

  DetectExecution(PatchDetectStep step, StepContext context, FeedDefaults defaults) {
    this(step, context, defaults, null);
  }

  /** Creates an execution that reads reports with {@code reader}; tests use their own formats. */
  DetectExecution(
      PatchDetectStep step, StepContext context, FeedDefaults defaults, ReportReader reader) {
    this(step, context, defaults, reader, new TicketStage(List.of(), CredentialLookup.store()));
  }

  /** Creates an execution that syncs tickets with {@code ticketStage} when the step names one. */
  DetectExecution(
      PatchDetectStep step,
      StepContext context,
      FeedDefaults defaults,
      ReportReader reader,
      TicketStage ticketStage) {
    super(context);
    this.settings = DetectSettings.of(step, defaults);
    this.tickets = step.getTickets();
    this.failOnTicketError = step.isFailOnTicketError();
    this.reader = reader;
    this.ticketStage = ticketStage;
  }

  @Override
  protected Map<String, Object> run() throws Exception {
    StepContext context = getContext();
    Run<?, ?> run = context.get(Run.class);
    TaskListener listener = context.get(TaskListener.class);
    FilePath workspace = context.get(FilePath.class);
    PrintStream log = listener.getLogger();

    PreviousRecord previous = PreviousRecord.of(run);
    previous.lines().forEach(line -> log.println(Messages.Console_Prefix(line)));
    DetectOutcome outcome =
        workspace.act(new DetectCallable(settings, listener, reader, previous.json()));
    for (String line : outcome.messages()) {
      log.println(Messages.Console_Prefix(line));
    }
    if (outcome.isFailed()) {
      throw new AbortException(Messages.Detect_Failed(outcome.problem()));
    }

    BuildRecords.write(run, outcome.record());
    run.pickArtifactManager()
        .archive(
            workspace,
            context.get(Launcher.class),
            new BuildListenerAdapter(listener),
            Map.of(DetectSettings.RECORD_PATH, DetectSettings.RECORD_PATH));
    log.println(Messages.Console_Record(DetectSettings.RECORD_PATH));
    run.addOrReplaceAction(DetectAction.of(outcome.summary()));
    Map<String, Object> value = returnValue(outcome.summary());
    if (tickets != null && !tickets.isBlank()) {
      TicketSyncResult synced = ticketStage.sync(run, tickets, log);
      value.put("tickets", new LinkedHashMap<>(synced.keysByUnit()));
      value.put("ticketErrors", synced.failed());
      if (synced.failed() > 0) {
        reportTicketErrors(run, log, synced.failed());
      }
    }
    LedgerHook.configured().append(run, log);

    if (outcome.thresholdCrossed()) {
      throw new AbortException(
          Messages.Detect_ThresholdCrossed(
              unitsAtOrAbove(outcome.summary(), settings.failOnPriority()),
              settings.failOnPriority()));
    }
    return value;
  }

  /**
   * Fails the build when {@code failOnTicketError} is set, and otherwise marks it unstable with a
   * console warning, as the {@code unstable} step does, so that a scheduled job does not look
   * successful while tickets are missing.
   */
  private void reportTicketErrors(Run<?, ?> run, PrintStream log, int failed)
      throws AbortException {
    String message = Messages.Tickets_WritesFailed(failed, tickets.trim());
    if (failOnTicketError) {
      throw new AbortException(message);
    }
    // TODO: Mark the stage too, with workflow-api's WarningAction on the step's FlowNode, once the
    // plugin depends on workflow-api. Until then only the build result shows the failure.
    log.println("WARNING: " + message);
    run.setResult(Result.UNSTABLE);
  }

  /** Counts the units at or above {@code failOn} in the summary's per-priority counts. */
  static int unitsAtOrAbove(Map<String, Object> summary, String failOn) {
    Priority threshold = Priority.parse(failOn);
    int count = 0;
    if (summary.get("priorities") instanceof Map<?, ?> priorities) {
      for (Priority priority : Priority.values()) {
        if (priority.isAtLeast(threshold)
            && priorities.get(priority.name()) instanceof Integer units) {
          count += units;
        }
      }
    }
    return count;
  }

  /** Adds where the record is to the engine's summary; all values are plain serializable types. */
  static Map<String, Object> returnValue(Map<String, Object> summary) {
    Map<String, Object> value = new LinkedHashMap<>(summary);
    value.put("recordArtifact", DetectSettings.RECORD_PATH);
    value.put("recordFile", BuildRecords.RECORD_FILE);
    return value;
  }
}
