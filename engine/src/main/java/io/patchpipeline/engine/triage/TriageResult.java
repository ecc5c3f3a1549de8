package io.patchpipeline.engine.triage;

import io.patchpipeline.engine.core.Messages;
import io.patchpipeline.engine.record.PatchRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a triage run: the record with its triage section, the per-rule table of the dry
 * run, the difference from an earlier record when one was given, and the messages to print.
 *
 * @param record the record with the new triage section; written unless the run was a dry run
 */
public record TriageResult(
    PatchRecord record,
    TriagePolicy policy,
    TriageSection section,
    Optional<TriageDiff> diff,
    Messages messages) {

  /** Returns per rule id the unit ids per outcome. */
  public Map<String, Map<Outcome, List<String>>> byRule() {
    return RuleReport.byRule(policy, section.decisions());
  }

  public TriageSummary summary() {
    return TriageSummary.of(record, section);
  }
}
