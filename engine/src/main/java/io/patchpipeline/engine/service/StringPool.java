package io.patchpipeline.engine.service;

import java.util.HashMap;
import java.util.Map;

/**
 * Keeps one copy of each repeated string of a run (package names, versions, targets, report names,
 * CVSS vectors), so that 100,000 findings do not hold 100,000 copies of the same few values.
 */
final class StringPool {
  private final Map<String, String> values = new HashMap<>();

  String of(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String pooled = values.putIfAbsent(value, value);
    return pooled == null ? value : pooled;
  }
}
