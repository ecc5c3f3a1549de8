package io.patchpipeline.engine.triage;

import java.util.List;

/**
 * The {@code triage:} section of a policy file as written; every field is optional and replaces the
 * preset's value. docs/triage.md documents each field.
 */
record TriageFile(
    String preset, String approvers, List<String> selfApproval, List<TriageRule> rules) {}
