package io.jenkins.plugins.patchpipeline;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * Runs {@code canaryDeploy} without holding a thread: each step of the rollout runs on the agent
 * from a {@link Timer} task, and a hold is a timer scheduled for its absolute end. The rollout
 * state is a field saved with the program after every step, so after a controller restart {@link
 * #onResume} waits only the time left, and a wave whose deployment was running is deployed again.
 */
final class CanaryDeployExecution extends StepExecution {
  private static final long serialVersionUID = 1L;

  private final String plan;
  private final ArrayList<String> approved;
  private byte[] state = new byte[0];
  private volatile long wakeAtMillis;
  private String status = "starting";

  private transient volatile ScheduledFuture<?> task;

  CanaryDeployExecution(StepContext context, String plan, String approved) {
    super(context);
    this.plan = plan;
    this.approved = new ArrayList<>();
    if (approved != null) {
      Arrays.stream(approved.split(","))
          .map(String::trim)
          .filter(id -> !id.isEmpty())
          .forEach(this.approved::add);
    }
  }

  @Override
  public boolean start() {
    schedule(0);
    return false;
  }

  @Override
  public void onResume() {
    schedule(Math.max(0, wakeAtMillis - System.currentTimeMillis()));
  }

  @Override
  public void stop(Throwable cause) {
    ScheduledFuture<?> current = task;
    if (current != null) {
      current.cancel(true);
    }
    getContext().onFailure(cause);
  }

  @Override
  public String getStatus() {
    return status;
  }

  // NOTE: a step runs the wave's deployment inside the timer task, which keeps one of Jenkins'
  // shared timer threads busy for as long as the deployment tool runs.
  private void schedule(long delayMillis) {
    task = Timer.get().schedule(this::advance, delayMillis, TimeUnit.MILLISECONDS);
  }

  /** Runs one step of the rollout on the agent and schedules the next, or completes the step. */
  void advance() {
    StepContext context = getContext();
    try {
      Run<?, ?> run = context.get(Run.class);
      TaskListener listener = context.get(TaskListener.class);
      FilePath workspace = context.get(FilePath.class);
      byte[] record = Files.readAllBytes(BuildRecords.file(run));
      DeployTick tick = workspace.act(new DeployCallable(plan, approved, record, state));
      for (String line : tick.lines()) {
        listener.getLogger().println(Messages.Console_Prefix(line));
      }
      if (tick.isFailed()) {
        context.onFailure(new AbortException(Messages.Deploy_Failed(tick.problem())));
        return;
      }
      BuildRecords.write(run, tick.record());
      state = tick.state();
      wakeAtMillis = tick.wakeAtMillis();
      Map<String, Object> summary = tick.summary();
      status =
          "rollout "
              + summary.get("status")
              + (wakeAtMillis > 0
                  ? ", next step at " + java.time.Instant.ofEpochMilli(wakeAtMillis)
                  : "");
      context.saveState();
      run.addOrReplaceAction(
          new DeployAction(
              String.valueOf(summary.get("status")),
              String.valueOf(summary.get("reason")),
              tick.waves()));
      if (wakeAtMillis > 0) {
        schedule(Math.max(0, wakeAtMillis - System.currentTimeMillis()));
      } else {
        LedgerHook.configured().append(run, listener.getLogger());
        finish(context, summary);
      }
    } catch (Exception e) {
      context.onFailure(e);
    }
  }

  private static void finish(StepContext context, Map<String, Object> summary) {
    Object status = summary.get("status");
    if ("SUCCEEDED".equals(status)) {
      context.onSuccess(returnValue(summary));
    } else {
      context.onFailure(new AbortException(Messages.Deploy_Stopped(status, summary.get("reason"))));
    }
  }

  /** Returns the summary as plain values for Groovy: lists become {@code ArrayList}s. */
  static LinkedHashMap<String, Object> returnValue(Map<String, Object> summary) {
    LinkedHashMap<String, Object> value = new LinkedHashMap<>();
    summary.forEach(
        (key, item) -> value.put(key, item instanceof List<?> list ? new ArrayList<>(list) : item));
    value.put("recordFile", BuildRecords.RECORD_FILE);
    return value;
  }
}
