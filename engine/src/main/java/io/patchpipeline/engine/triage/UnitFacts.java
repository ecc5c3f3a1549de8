package io.patchpipeline.engine.triage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The values of {@link TriageVariables} for one remediation unit on one of its assets. A variable
 * is either known (in {@code values}) or unknown (in {@code unknown}), never both.
 *
 * @param values CEL values: {@code String}, {@code Double}, {@code Long} or {@code Boolean}
 */
public record UnitFacts(
    String unitId, String assetId, Map<String, Object> values, List<String> unknown) {

  public UnitFacts {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    unknown = List.copyOf(new TreeSet<>(unknown));
  }

  public boolean isUnknown(String variable) {
    return unknown.contains(variable);
  }

  /** Returns the value as the record stores it: its text, or {@code unknown}. */
  public String display(String variable) {
    Object value = values.get(variable);
    return value == null ? "unknown" : String.valueOf(value);
  }
}
