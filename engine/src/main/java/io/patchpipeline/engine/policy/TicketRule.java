package io.patchpipeline.engine.policy;

import java.util.List;

/**
 * When a finding needs a ticket: it is in KEV, or its EPSS score is above {@code epssAbove}, or its
 * CVSS score is above {@code cvssAbove} on an asset whose tier is in {@code cvssCriticality}. An
 * unknown value never satisfies a clause.
 */
public record TicketRule(
    boolean kev, double epssAbove, double cvssAbove, List<String> cvssCriticality) {}
