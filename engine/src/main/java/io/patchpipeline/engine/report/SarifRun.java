package io.patchpipeline.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts a SARIF run gives for all its results: the scanner, its rules, and the image it scanned
 * where the scanner names one in the run's properties (Trivy writes {@code imageName}).
 */
record SarifRun(
    ScannerInfo scanner, List<SarifRule> rules, Map<String, SarifRule> rulesById, String image) {

  /**
   * Returns the rule a result refers to, or null. The {@code ruleId} wins when it names a rule,
   * because some writers (Trivy before 0.16) emit a {@code ruleIndex} that points at another rule;
   * the index is used only when there is no id or the id names no rule.
   */
  SarifRule rule(int index, String id) {
    SarifRule byId = id == null || id.isEmpty() ? null : rulesById.get(id);
    if (byId != null) {
      return byId;
    }
    return index >= 0 && index < rules.size() ? rules.get(index) : null;
  }

  /** Collects a run's parts as the first pass meets them. */
  static final class Builder {
    private final Map<String, String> driver = new HashMap<>();
    private final List<SarifRule> rules = new ArrayList<>();
    private String image = "";

    void driverField(String name, String value) {
      driver.put(name, value);
    }

    void rule(SarifRule rule) {
      rules.add(rule);
    }

    void properties(JsonNode properties) {
      image = SarifRule.text(properties, "imageName");
    }

    SarifRun build() {
      Map<String, SarifRule> byId = new HashMap<>();
      for (SarifRule rule : rules) {
        byId.putIfAbsent(rule.id(), rule);
      }
      String version = Fields.first(driver.get("version"), driver.get("semanticVersion"));
      ScannerInfo scanner = new ScannerInfo(Fields.first(driver.get("name")), version);
      return new SarifRun(scanner, List.copyOf(rules), Map.copyOf(byId), image);
    }
  }
}
