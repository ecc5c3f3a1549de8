package io.jenkins.plugins.patchpipeline;

import hudson.ExtensionPoint;
import hudson.model.Describable;

/**
 * A named ticket system (Jira, ServiceNow, ...) configured under Manage Jenkins. Each kind is a
 * subclass with a descriptor annotated {@code @Extension}; the global configuration lists instances
 * by {@link #getName()}, which steps use to pick one.
 */
public abstract class TicketSystem implements Describable<TicketSystem>, ExtensionPoint {
  /** Returns the name that Jenkinsfiles use to refer to this ticket system. */
  public abstract String getName();
}
