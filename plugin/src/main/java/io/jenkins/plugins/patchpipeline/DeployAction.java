package io.jenkins.plugins.patchpipeline;

import hudson.model.Run;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.RunAction2;

/**
 * The rollout of a build as a timeline on the build page: each wave with its hosts, failed hosts,
 * health samples and decision, and the rollout's status. The full detail stays in the record.
 */
public final class DeployAction implements RunAction2 {
  /** One wave of the timeline, with getters for the Jelly view. */
  public static final class WaveRow implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String phase;
    private final String hosts;
    private final int failedHosts;
    private final int samples;
    private final String decision;

    WaveRow(
        String name, String phase, String hosts, int failedHosts, int samples, String decision) {
      this.name = name;
      this.phase = phase;
      this.hosts = hosts;
      this.failedHosts = failedHosts;
      this.samples = samples;
      this.decision = decision;
    }

    public String getName() {
      return name;
    }

    public String getPhase() {
      return phase;
    }

    public String getHosts() {
      return hosts;
    }

    public int getFailedHosts() {
      return failedHosts;
    }

    public int getSamples() {
      return samples;
    }

    public String getDecision() {
      return decision;
    }
  }

  private final String status;
  private final String reason;
  private final ArrayList<WaveRow> waves;

  private transient Run<?, ?> run;

  DeployAction(String status, String reason, List<WaveRow> waves) {
    this.status = status;
    this.reason = reason;
    this.waves = new ArrayList<>(waves);
  }

  public String getStatus() {
    return status;
  }

  public String getReason() {
    return reason;
  }

  public List<WaveRow> getWaves() {
    return List.copyOf(waves);
  }

  public Run<?, ?> getRun() {
    return run;
  }

  @Override
  public String getIconFileName() {
    return "document.png";
  }

  @Override
  public String getDisplayName() {
    return Messages.DeployAction_DisplayName();
  }

  @Override
  public String getUrlName() {
    return "patch-pipeline-deploy";
  }

  @Override
  public void onAttached(Run<?, ?> r) {
    this.run = r;
  }

  @Override
  public void onLoad(Run<?, ?> r) {
    this.run = r;
  }
}
