// Mirrors org.jenkins-ci.plugins.workflow:workflow-step-api:724.v538c2362b_dfb_; compile-only.
package org.jenkinsci.plugins.workflow.steps;

import hudson.EnvVars;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

/**
 * Adds variables to a body's environment. {@link #merge} behaves as the real one does, so that
 * tests can expand what a step passes to its body.
 */
public abstract class EnvironmentExpander implements Serializable {
  private static final long serialVersionUID = 1L;

  public abstract void expand(EnvVars env) throws IOException, InterruptedException;

  public Set<String> getSensitiveVariables() {
    return Set.of();
  }

  public static EnvironmentExpander merge(
      EnvironmentExpander original, EnvironmentExpander subsequent) {
    if (original == null) {
      return subsequent;
    }
    return new EnvironmentExpander() {
      private static final long serialVersionUID = 1L;

      @Override
      public void expand(EnvVars env) throws IOException, InterruptedException {
        original.expand(env);
        subsequent.expand(env);
      }

      @Override
      public Set<String> getSensitiveVariables() {
        Set<String> merged = new HashSet<>(original.getSensitiveVariables());
        merged.addAll(subsequent.getSensitiveVariables());
        return merged;
      }
    };
  }
}
