// Mirrors org.jenkins-ci.plugins:pipeline-input-step:560.v56198a_642157; compile-only signature.
package org.jenkinsci.plugins.workflow.support.steps.input;

import hudson.model.InvisibleAction;

/**
 * Added to a run by the input step each time a user approves an input, with that user's id. It does
 * not record which input was approved. The plugin reads only {@link #getUserId()}; tests use the
 * constructor, whose public modifier was read from an older release of the plugin.
 */
public class ApproverAction extends InvisibleAction {
  private final String userId;

  public ApproverAction(String userId) {
    this.userId = userId;
  }

  public String getUserId() {
    return userId;
  }
}
