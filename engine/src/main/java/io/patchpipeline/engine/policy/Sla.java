package io.patchpipeline.engine.policy;

import java.time.Duration;
import java.util.Map;

/**
 * Remediation and triage time limits per priority.
 *
 * @param remediate time from detection to fix per priority
 * @param triage time from detection to a triage decision per priority
 */
public record Sla(Map<Priority, Duration> remediate, Map<Priority, Duration> triage) {}
