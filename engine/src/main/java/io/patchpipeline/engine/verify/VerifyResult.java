package io.patchpipeline.engine.verify;

import io.patchpipeline.engine.core.Message;
import java.util.List;

/**
 * The outcome of verifying a record.
 *
 * @param findings the combined verdict per record finding
 * @param outcome PASSED when every unit is verified, else as {@link VerifyOptions#onRemaining()}
 *     sets
 */
public record VerifyResult(
    List<UnitVerdict> units,
    List<FindingVerification> findings,
    Outcome outcome,
    List<Message> messages) {
  public VerifyResult {
    units = List.copyOf(units);
    findings = List.copyOf(findings);
    messages = List.copyOf(messages);
  }

  /** Run outcome for the caller: a passed, unstable or failed build. */
  public enum Outcome {
    PASSED,
    UNSTABLE,
    FAILED
  }

  public long verifiedUnits() {
    return units.stream().filter(UnitVerdict::verified).count();
  }
}
