package io.patchpipeline.engine.policy;

/** A named rule that sets a priority when its conditions hold; rules are tried in order. */
public record PriorityRule(String id, Priority priority, Condition when) {}
