package io.jenkins.plugins.patchpipeline;

import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.ProxyConfiguration;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import jenkins.model.Jenkins;
import jenkins.util.BuildListenerAdapter;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs {@code verifyCve} off the CPS thread: verification and bundles on the agent, then the
 * record, the archived bundles, the ledger, the tickets and the build result on the controller.
 */
final class VerifyExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
  private static final long serialVersionUID = 1L;

  /** Build folder where the bundles attached to tickets are kept. */
  static final String TICKET_BUNDLES = "patch-pipeline/evidence";

  /** An archived bundle: {@code patch-pipeline/evidence/STAMP/UNIT.zip}, one safe name each. */
  static final Pattern ARTIFACT_NAME =
      Pattern.compile(
          Pattern.quote(VerifySettings.STAGING_FOLDER)
              + "/[A-Za-z0-9_-][A-Za-z0-9._-]*/[A-Za-z0-9_-][A-Za-z0-9._-]*\\.zip");

  private final VerifySettings settings;
  private final String tickets;
  private final String signingKeyId;
  private final transient TicketStage ticketStage;
  private final transient CredentialLookup credentials;
  private final transient LedgerHook ledger;
  private final transient VerifyCveStep step;
  private final transient Supplier<ProxyConfiguration> proxy;

  /**
   * @throws AbortException when the step's parameters are invalid, before anything runs
   */
  VerifyExecution(
      VerifyCveStep step,
      StepContext context,
      TicketStage ticketStage,
      CredentialLookup credentials,
      LedgerHook ledger)
      throws AbortException {
    this(step, context, ticketStage, credentials, ledger, () -> Jenkins.get().proxy);
  }

  /**
   * @param proxy returns Jenkins' proxy configuration, or null for direct connections
   * @throws AbortException when the step's parameters are invalid, before anything runs
   */
  VerifyExecution(
      VerifyCveStep step,
      StepContext context,
      TicketStage ticketStage,
      CredentialLookup credentials,
      LedgerHook ledger,
      Supplier<ProxyConfiguration> proxy)
      throws AbortException {
    super(context);
    try {
      this.settings = VerifySettings.of(step);
    } catch (IllegalArgumentException e) {
      throw new AbortException(Messages.Verify_Failed(e.getMessage()));
    }
    this.tickets = blankToNull(step.getTickets());
    this.signingKeyId = blankToNull(step.getSigningKeyId());
    this.ticketStage = ticketStage;
    this.credentials = credentials;
    this.ledger = ledger;
    this.step = step;
    this.proxy = proxy;
  }

  @Override
  protected Map<String, Object> run() throws Exception {
    StepContext context = getContext();
    Run<?, ?> run = context.get(Run.class);
    TaskListener listener = context.get(TaskListener.class);
    FilePath workspace = context.get(FilePath.class);
    PrintStream log = listener.getLogger();
    if (!Files.exists(BuildRecords.file(run))) {
      throw new AbortException(Messages.Verify_NoRecord());
    }

    String stamp = Instant.now().toString().replace(':', '-');
    VerifyCallable callable =
        new VerifyCallable(
            Files.readAllBytes(BuildRecords.file(run)),
            settings,
            signingKey(run),
            stamp,
            tickets != null,
            deliveries(run));
    VerifyOutcome outcome = workspace.act(callable);
    for (String line : outcome.messages()) {
      log.println(Messages.Console_Prefix(line));
    }
    if (outcome.isFailed()) {
      throw new AbortException(Messages.Verify_Failed(outcome.problem()));
    }

    BuildRecords.write(run, outcome.record());
    Map<String, Object> value = new LinkedHashMap<>(outcome.summary());
    value.put(
        "bundles", storeBundles(run, workspace, context.get(Launcher.class), listener, outcome));
    value.put("recordFile", BuildRecords.RECORD_FILE);
    run.addOrReplaceAction(VerifyAction.of(outcome.summary()));
    ledger.append(run, log);
    if (tickets != null) {
      value.put("closedTickets", closeTickets(run, outcome, log));
    }
    report(run, outcome, log);
    decide(run, outcome, log);
    return value;
  }

  private VerifyDeliveries deliveries(Run<?, ?> run) throws AbortException {
    boolean any =
        step.getDefectDojoUrl() != null
            || step.getWebhookUrl() != null
            || step.getEvidenceStore() != null;
    return VerifyDeliveries.of(step, run, credentials, any ? proxy.get() : null);
  }

  /** Prints each delivery, and marks the build unstable when one failed. */
  private static void report(Run<?, ?> run, VerifyOutcome outcome, PrintStream log) {
    for (String line : outcome.delivered()) {
      log.println(Messages.Console_Prefix(line));
    }
    for (String line : outcome.undelivered()) {
      log.println(Messages.Verify_DeliveryFailed(line));
    }
    if (!outcome.undelivered().isEmpty()) {
      run.setResult(Result.UNSTABLE);
    }
  }

  /** Reads the signing key from the Secret file credential, or returns null when none is set. */
  private byte[] signingKey(Run<?, ?> run) throws IOException {
    if (signingKeyId == null) {
      return null;
    }
    FileCredentials key =
        credentials.require(run, signingKeyId, FileCredentials.class, "evidence signing");
    try (InputStream in = key.getContent()) {
      return in.readAllBytes();
    }
  }

  private ArrayList<String> storeBundles(
      Run<?, ?> run,
      FilePath workspace,
      Launcher launcher,
      TaskListener listener,
      VerifyOutcome outcome)
      throws IOException, InterruptedException {
    ArrayList<String> bundles = new ArrayList<>(outcome.bundles().values());
    if (settings.archivesEvidence() && !bundles.isEmpty()) {
      Map<String, String> artifacts = new LinkedHashMap<>();
      for (String path : bundles) {
        // The agent names the files; only names inside the staging folder become artifacts.
        if (!ARTIFACT_NAME.matcher(path).matches()) {
          throw new AbortException(Messages.Verify_Failed("invalid evidence bundle path " + path));
        }
        artifacts.put(path, path);
      }
      run.pickArtifactManager()
          .archive(workspace, launcher, new BuildListenerAdapter(listener), artifacts);
    }
    String where = settings.archivesEvidence() ? "archived as artifacts" : "written";
    listener
        .getLogger()
        .println(
            Messages.Console_Prefix(
                bundles.size() + " evidence bundles " + where + " under " + folderOf(bundles)));
    return bundles;
  }

  private static String folderOf(List<String> bundles) {
    if (bundles.isEmpty()) {
      return "none";
    }
    String first = bundles.get(0).replace('\\', '/');
    int slash = first.lastIndexOf('/');
    return slash < 0 ? first : first.substring(0, slash);
  }

  /** Keeps the bundles of verified units in the build folder and closes their tickets. */
  private ArrayList<String> closeTickets(Run<?, ?> run, VerifyOutcome outcome, PrintStream log)
      throws IOException {
    Map<String, Path> attachments = new LinkedHashMap<>();
    Path folder = run.getRootDir().toPath().resolve(TICKET_BUNDLES);
    for (Map.Entry<String, byte[]> entry : outcome.attachments().entrySet()) {
      Path zip = folder.resolve(entry.getKey().replaceAll("[^A-Za-z0-9._-]", "_") + ".zip");
      io.patchpipeline.engine.core.AtomicFiles.write(zip, entry.getValue());
      attachments.put(entry.getKey(), zip);
    }
    return new ArrayList<>(ticketStage.close(run, tickets, attachments, log));
  }

  private void decide(Run<?, ?> run, VerifyOutcome outcome, PrintStream log) throws AbortException {
    Object open = outcome.summary().get("open");
    switch (outcome.outcome()) {
      case "FAILED" -> throw new AbortException(Messages.Verify_Remaining(open));
      case "UNSTABLE" -> {
        log.println(Messages.Verify_Unstable(open));
        run.setResult(Result.UNSTABLE);
      }
      default ->
          log.println(
              Messages.Console_Prefix("outcome " + outcome.outcome().toLowerCase(Locale.ROOT)));
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
