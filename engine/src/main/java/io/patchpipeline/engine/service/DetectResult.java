package io.patchpipeline.engine.service;

import io.patchpipeline.engine.core.Messages;
import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RemediationUnit;
import java.util.Optional;

/**
 * The outcome of a Detect run: the record, the messages for the caller to print, and whether the
 * {@code failOn} threshold was crossed.
 */
public record DetectResult(PatchRecord record, Messages messages, Optional<Priority> failOn) {
  /** Returns whether a unit at or above the {@code failOn} priority exists. */
  public boolean thresholdCrossed() {
    return failOn.isPresent()
        && record.units().stream()
            .map(RemediationUnit::priority)
            .anyMatch(p -> p.isAtLeast(failOn.get()));
  }

  public DetectSummary summary() {
    return DetectSummary.of(record);
  }
}
