package io.jenkins.plugins.patchpipeline;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.slaves.WorkspaceList;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import jenkins.util.Timer;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.support.steps.input.ApproverAction;

/**
 * Runs {@code canaryDeploy} without holding a pipeline thread. Each rollout step runs on the agent
 * from a {@link RolloutThreads} thread. A hold is a {@link Timer} task scheduled for its absolute
 * end, which only hands the next step to those threads. With a body, the rollout stops at each wave
 * and runs the body as pipeline steps with the wave in its environment, and the body's end starts
 * the next rollout step. The rollout state is saved in the build folder after every step, and the
 * fields here with the program. After a controller restart {@link #onResume} therefore waits only
 * the time left, leaves a running body to Jenkins, and deploys a wave again whose deployment was
 * running. Ticket comments and change request updates are sent on the controller after each rollout
 * step by {@link RolloutNotices}, which reads the secrets there.
 */
final class CanaryDeployExecution extends StepExecution {
  private static final long serialVersionUID = 1L;
  private static final String BLOCK_TOOL = "block";

  private final String plan;
  private final ArrayList<String> approved;
  private String kubeconfigId;
  private String decision;
  private String decidedBy;
  private volatile boolean withBody;

  /** The plan's tool, or null until the first rollout step has read the plan. */
  private String tool;

  private String tickets;
  private String changeRequest;
  private String changeRequestSystem;

  /** The events to send after each rollout step, or null until the plan has been read. */
  private RolloutNotices notices;

  private volatile long wakeAtMillis;
  private volatile String status = "starting";
  private volatile boolean stopping;

  /** The body run in progress, saved with the program so that a restart leaves it to Jenkins. */
  private volatile BodyExecution body;

  private volatile WaveBlock runningBlock;
  private volatile BodyResult bodyResult;

  private transient volatile ScheduledFuture<?> timer;
  private transient volatile Future<?> running;
  private transient CredentialLookup credentials;
  private transient TicketStage ticketStage;

  CanaryDeployExecution(
      StepContext context, String plan, String approved, String kubeconfigId, String decide) {
    this(context, plan, approved, kubeconfigId, decide, CredentialLookup.store());
  }

  CanaryDeployExecution(
      StepContext context,
      String plan,
      String approved,
      String kubeconfigId,
      String decide,
      CredentialLookup credentials) {
    super(context);
    this.plan = plan;
    this.approved = new ArrayList<>();
    if (approved != null) {
      Arrays.stream(approved.split(","))
          .map(String::trim)
          .filter(id -> !id.isEmpty())
          .forEach(this.approved::add);
    }
    this.kubeconfigId = blankToNull(kubeconfigId);
    this.decision = blankToNull(decide);
    this.credentials = credentials;
  }

  /**
   * Sets the ticket system for wave comments, the change request to update, and the ServiceNow
   * system that contains it. Each may be null.
   */
  CanaryDeployExecution withNotices(
      String tickets, String changeRequest, String changeRequestSystem) {
    this.tickets = blankToNull(tickets);
    this.changeRequest = blankToNull(changeRequest);
    this.changeRequestSystem = blankToNull(changeRequestSystem);
    return this;
  }

  /**
   * Sets the configured ticket systems; after a restart they come from the global configuration.
   */
  CanaryDeployExecution withTicketStage(TicketStage stage) {
    this.ticketStage = stage;
    return this;
  }

  @Override
  public boolean start() throws Exception {
    if (decision != null
        && !decision.equals(TickInput.CONTINUE)
        && !decision.equals(TickInput.ROLLBACK)) {
      throw new AbortException(Messages.Deploy_InvalidDecision(decision));
    }
    withBody = getContext().hasBody();
    schedule(0);
    return false;
  }

  @Override
  public void onResume() {
    if (body != null) {
      // The body resumes with the program; its callback starts the next rollout step.
      return;
    }
    schedule(Math.max(0, wakeAtMillis - System.currentTimeMillis()));
  }

  @Override
  public void stop(Throwable cause) {
    stopping = true;
    cancel(timer);
    cancel(running);
    BodyExecution current = body;
    if (current != null) {
      // The body ends with the cause, and its callback fails the step.
      current.cancel(cause);
    } else {
      getContext().onFailure(cause);
    }
  }

  @Override
  public String getStatus() {
    return status;
  }

  boolean isStopping() {
    return stopping;
  }

  /** Schedules the next rollout step; the timer thread only hands it to a rollout thread. */
  private void schedule(long delayMillis) {
    if (delayMillis <= 0) {
      running = RolloutThreads.submit(this::advance);
    } else {
      timer =
          Timer.get()
              .schedule(
                  () -> {
                    running = RolloutThreads.submit(this::advance);
                  },
                  delayMillis,
                  TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Runs one rollout step on the agent, then starts the body, schedules the next step, or completes
   * the step.
   */
  void advance() {
    StepContext context = getContext();
    try {
      if (stopping) {
        return;
      }
      Run<?, ?> run = context.get(Run.class);
      TaskListener listener = context.get(TaskListener.class);
      FilePath workspace = context.get(FilePath.class);
      if (tool == null) {
        readPlan(run, workspace);
      }
      if (decision != null && decidedBy == null) {
        decidedBy = decider(run, plan);
      }
      TickInput input =
          new TickInput(
              plan,
              approved,
              decision,
              decidedBy,
              withBody,
              bodyResult,
              WorkspaceList.tempDir(workspace).getRemote());
      byte[] record = Files.readAllBytes(BuildRecords.file(run));
      DeployTick tick =
          workspace.act(
              new DeployCallable(
                  input, record, DeployStates.readState(run, plan), kubeconfig(run)));
      for (String line : tick.lines()) {
        listener.getLogger().println(Messages.Console_Prefix(line));
      }
      if (tick.isFailed()) {
        context.onFailure(new AbortException(Messages.Deploy_Failed(tick.problem())));
        return;
      }
      BuildRecords.write(run, tick.record());
      DeployStates.writeState(run, plan, tick.state());
      if (notices != null && !notices.isEmpty()) {
        // Null only for a step saved before notices existed, which sends none.
        notices.send(run, DeployStates.stateFile(run, plan), ticketStage(), listener.getLogger());
      }
      // NOTE: a controller that stops between the state write above and the next saveState keeps
      // the decision with the program. The resumed step then fails as "not awaiting a decision"
      // although the decision was applied, and calling canaryDeploy again continues.
      decision = null;
      wakeAtMillis = tick.wakeAtMillis();
      Map<String, Object> summary = tick.summary();
      run.addOrReplaceAction(
          new DeployAction(
              String.valueOf(summary.get("status")),
              String.valueOf(summary.get("reason")),
              tick.waves()));
      if (tick.block() != null) {
        startBody(context, listener, tick.block());
        return;
      }
      status =
          "rollout "
              + summary.get("status")
              + (wakeAtMillis > 0 ? ", next step at " + Instant.ofEpochMilli(wakeAtMillis) : "");
      context.saveState();
      if (wakeAtMillis > 0) {
        schedule(Math.max(0, wakeAtMillis - System.currentTimeMillis()));
      } else {
        LedgerHook.configured().append(run, listener.getLogger());
        finish(context, run, listener, summary);
      }
    } catch (Exception e) {
      if (!stopping) {
        // After stop() the step has already failed with the stop's cause.
        context.onFailure(e);
      }
    }
  }

  /** Reads the plan's tool and kubeconfig credential, and checks them against the step's call. */
  private void readPlan(Run<?, ?> run, FilePath workspace)
      throws IOException, InterruptedException {
    PlanFactsCallable.Facts facts = workspace.act(new PlanFactsCallable(plan));
    if (facts.isFailed()) {
      throw new AbortException(Messages.Deploy_Failed(facts.problem()));
    }
    if (withBody && !BLOCK_TOOL.equals(facts.tool())) {
      throw new AbortException(Messages.Deploy_BodyNeedsBlockTool(plan, facts.tool()));
    }
    if (!withBody && BLOCK_TOOL.equals(facts.tool())) {
      throw new AbortException(Messages.Deploy_BlockToolNeedsBody(plan));
    }
    if (kubeconfigId == null) {
      kubeconfigId = facts.kubeconfigId();
    } else if (!List.of("kubectl", "helm", "argo-rollouts").contains(facts.tool())) {
      throw new AbortException(Messages.Deploy_KubeconfigUnused(plan, facts.tool()));
    }
    RolloutNotices planned =
        RolloutNotices.of(tickets, changeRequest, changeRequestSystem, facts.change());
    if (!planned.isEmpty()) {
      planned.check(run, ticketStage());
    }
    notices = planned;
    tool = facts.tool();
  }

  private TicketStage ticketStage() {
    if (ticketStage == null) {
      ticketStage =
          new TicketStage(
              PatchPipelineConfiguration.get().getTicketSystems(), CredentialLookup.store());
    }
    return ticketStage;
  }

  /** Returns the kubeconfig credential's content, or no bytes when the rollout uses none. */
  private byte[] kubeconfig(Run<?, ?> run) throws IOException {
    if (kubeconfigId == null) {
      return new byte[0];
    }
    CredentialLookup lookup = credentials == null ? CredentialLookup.store() : credentials;
    FileCredentials file =
        lookup.require(run, kubeconfigId, FileCredentials.class, "the kubeconfig of " + plan);
    try (InputStream content = file.getContent()) {
      return content.readAllBytes();
    }
  }

  private void startBody(StepContext context, TaskListener listener, WaveBlock block)
      throws IOException, InterruptedException {
    listener
        .getLogger()
        .println(
            Messages.Console_Prefix(
                block.wave()
                    + ": running the canaryDeploy body ("
                    + block.action()
                    + ") for "
                    + String.join(", ", block.hosts())));
    status = "running the body for " + block.wave() + " (" + block.action() + ")";
    runningBlock = block;
    EnvironmentExpander environment =
        EnvironmentExpander.merge(
            context.get(EnvironmentExpander.class), new WaveEnvironment(block));
    BodyExecution started =
        context
            .newBodyInvoker()
            .withContext(environment)
            .withCallback(new WaveBodyCallback(this, block))
            .start();
    synchronized (this) {
      // A body that has already ended must not look like one that is still running.
      if (runningBlock == block) {
        body = started;
      }
    }
    context.saveState();
  }

  /** Takes in how a body run ended and hands the next rollout step to a rollout thread. */
  void bodyEnded(BodyResult result) {
    synchronized (this) {
      body = null;
      runningBlock = null;
      bodyResult = result;
    }
    status = "the body for " + result.wave() + (result.passed() ? " passed" : " failed");
    getContext().saveState();
    schedule(0);
  }

  /** Fails the step with the body's interruption; the wave stays as it was saved. */
  void bodyInterrupted(Throwable cause) {
    synchronized (this) {
      body = null;
      runningBlock = null;
    }
    getContext().onFailure(cause);
  }

  private void finish(
      StepContext context, Run<?, ?> run, TaskListener listener, Map<String, Object> summary)
      throws IOException {
    Object rolloutStatus = summary.get("status");
    if ("SUCCEEDED".equals(rolloutStatus)) {
      context.onSuccess(returnValue(summary, "succeeded", decidedBy));
    } else if (Boolean.TRUE.equals(summary.get("awaitingDecision"))) {
      DeployStates.markWaiting(run, plan, run.getActions(ApproverAction.class).size());
      listener
          .getLogger()
          .println(
              Messages.Deploy_Waiting(summary.get("waitingWave"), summary.get("reason"), plan));
      context.onSuccess(returnValue(summary, "waiting", decidedBy));
    } else {
      context.onFailure(
          new AbortException(Messages.Deploy_Stopped(rolloutStatus, summary.get("reason"))));
    }
  }

  /**
   * Returns the user who approved the input step that asked for the decision: the run's latest
   * {@link ApproverAction}, which must be newer than the rollout's wait, so that an approval given
   * for something else (such as triage) never counts as the decision.
   */
  static String decider(Run<?, ?> run, String plan) throws IOException {
    List<ApproverAction> approvals = run.getActions(ApproverAction.class);
    int before = DeployStates.approvalsWhenWaiting(run, plan);
    String user =
        approvals.size() > before ? approvals.get(approvals.size() - 1).getUserId() : null;
    if (user == null || user.isBlank()) {
      throw new AbortException(Messages.Deploy_NoDecisionInput(plan));
    }
    return user;
  }

  /**
   * Returns the summary as plain values for Groovy, with {@code result} ({@code succeeded} or
   * {@code waiting}) and, after a decision, {@code decidedBy}; lists become {@code ArrayList}s.
   */
  static LinkedHashMap<String, Object> returnValue(
      Map<String, Object> summary, String result, String decidedBy) {
    LinkedHashMap<String, Object> value = new LinkedHashMap<>();
    value.put("result", result);
    summary.forEach(
        (key, item) -> value.put(key, item instanceof List<?> list ? new ArrayList<>(list) : item));
    if (decidedBy != null) {
      value.put("decidedBy", decidedBy);
    }
    value.put("recordFile", BuildRecords.RECORD_FILE);
    return value;
  }

  private static void cancel(Future<?> future) {
    if (future != null) {
      future.cancel(true);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
