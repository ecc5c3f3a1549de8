package io.patchpipeline.engine.service;

import io.patchpipeline.engine.verify.UnitVerdict;
import io.patchpipeline.engine.verify.VerifyResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The small summary of a verification that a Jenkinsfile branches on: counts, unit ids, CVEs and
 * the reason per unit. Lists and the reason map stop at {@link DetectSummary#MAX_LISTED} entries
 * and set {@code truncated}, so that a large run never floods a build's program state. The record
 * keeps every verdict.
 */
public final class VerifySummary {
  private VerifySummary() {}

  /** Returns the summary as a map of strings, numbers, booleans, lists and maps of those. */
  public static Map<String, Object> toMap(VerifyResult result) {
    List<String> verified = new ArrayList<>();
    List<String> open = new ArrayList<>();
    Set<String> remaining = new LinkedHashSet<>();
    Set<String> unverified = new LinkedHashSet<>();
    Map<String, Object> reasons = new LinkedHashMap<>();
    for (UnitVerdict unit : result.units()) {
      (unit.verified() ? verified : open).add(unit.unitId());
      remaining.addAll(unit.closure().remaining());
      unverified.addAll(unit.closure().unverified());
      if (reasons.size() < DetectSummary.MAX_LISTED) {
        reasons.put(unit.unitId(), unit.closure().reason());
      }
    }
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("outcome", result.outcome().name());
    map.put("units", result.units().size());
    map.put("verified", verified.size());
    map.put("open", open.size());
    map.put("verifiedUnits", cap(verified));
    map.put("openUnits", cap(open));
    map.put("remainingCves", cap(new ArrayList<>(remaining)));
    map.put("unverifiedCves", cap(new ArrayList<>(unverified)));
    map.put("reasons", reasons);
    map.put(
        "truncated",
        Math.max(verified.size(), open.size()) > DetectSummary.MAX_LISTED
            || Math.max(remaining.size(), unverified.size()) > DetectSummary.MAX_LISTED
            || result.units().size() > DetectSummary.MAX_LISTED);
    return map;
  }

  private static List<String> cap(List<String> values) {
    return new ArrayList<>(values.subList(0, Math.min(DetectSummary.MAX_LISTED, values.size())));
  }
}
