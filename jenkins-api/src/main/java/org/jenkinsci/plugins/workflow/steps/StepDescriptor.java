// Mirrors org.jenkins-ci.plugins.workflow:workflow-step-api:724.v538c2362b_dfb_; compile-only.
package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Set;

public abstract class StepDescriptor extends Descriptor<Step> {
  public abstract Set<? extends Class<?>> getRequiredContext();

  public abstract String getFunctionName();

  /** Returns false, as the real default does, so that tests can ask every step descriptor. */
  public boolean takesImplicitBlockArgument() {
    return false;
  }
}
