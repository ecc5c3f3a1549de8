package io.jenkins.plugins.patchpipeline;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;

/** Adds the verification trend to every job's page. */
@Extension
@SuppressWarnings("rawtypes")
public class VerifyTrendFactory extends TransientActionFactory<Job> {
  @Override
  public Class<Job> type() {
    return Job.class;
  }

  @Override
  public Class<? extends Action> actionType() {
    return VerifyTrendAction.class;
  }

  @Override
  public Collection<? extends Action> createFor(Job target) {
    return List.of(new VerifyTrendAction(target));
  }
}
