package io.patchpipeline.engine.record;

/**
 * A finding that a VEX statement excluded, kept so the exclusion can be reviewed.
 *
 * @param state the VEX analysis state, such as {@code not_affected} or {@code false_positive}
 */
public record Exclusion(
    String vulnerabilityId,
    String packageName,
    String target,
    String state,
    String justification,
    String report) {}
