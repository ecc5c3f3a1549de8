package io.jenkins.plugins.patchpipeline;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.patchpipeline.engine.service.VerifyTrend;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The verification trend on a job's page: units, verified units and SLA met for the job's last
 * builds that ran {@code verifyCve}, as an inline SVG chart. It reads only the counts each build
 * saved, never the records, and adds no link to the job's side panel.
 */
public final class VerifyTrendAction implements Action {
  /** How many builds back the trend looks. */
  static final int MAX_BUILDS = 30;

  private final Job<?, ?> job;

  VerifyTrendAction(Job<?, ?> job) {
    this.job = job;
  }

  /** Returns the figures of the last builds with a verification, oldest first. */
  List<VerifyTrend.Point> points() {
    List<VerifyTrend.Point> points = new ArrayList<>();
    Run<?, ?> run = job.getLastBuild();
    for (int seen = 0; run != null && seen < MAX_BUILDS; seen++) {
      VerifyAction action = run.getAction(VerifyAction.class);
      if (action != null) {
        points.add(
            new VerifyTrend.Point(
                "#" + run.getNumber(),
                action.getUnits(),
                action.getVerified(),
                action.getSlaMet()));
      }
      run = run.getPreviousBuild();
    }
    Collections.reverse(points);
    return points;
  }

  /** Returns whether any of the last builds ran {@code verifyCve}, so the view shows the chart. */
  public boolean hasTrend() {
    return !points().isEmpty();
  }

  /** Returns the chart as SVG markup; the engine escapes every label. */
  public String getTrendSvg() {
    return VerifyTrend.svg(points());
  }

  @Override
  public String getIconFileName() {
    return null;
  }

  @Override
  public String getDisplayName() {
    return Messages.VerifyTrendAction_DisplayName();
  }

  @Override
  public String getUrlName() {
    return null;
  }
}
