package io.jenkins.plugins.patchpipeline;

import hudson.EnvVars;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;

/**
 * Puts a wave's hosts, name, position, units and action into the environment of the {@code
 * canaryDeploy} body, such as {@code CANARY_HOSTS}. None of the values is secret.
 */
final class WaveEnvironment extends EnvironmentExpander {
  private static final long serialVersionUID = 1L;

  private final WaveBlock block;

  WaveEnvironment(WaveBlock block) {
    this.block = block;
  }

  @Override
  public void expand(EnvVars env) {
    for (Map.Entry<String, String> variable : block.variables().entrySet()) {
      env.override(variable.getKey(), variable.getValue());
    }
  }
}
