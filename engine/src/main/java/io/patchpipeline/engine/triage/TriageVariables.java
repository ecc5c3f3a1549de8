package io.patchpipeline.engine.triage;

import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables a triage rule may read, with their CEL types: the one table that the compiler
 * declares and that {@link UnitFacts} fills. A rule that names anything else fails to load.
 */
public final class TriageVariables {
  public static final String PRIORITY = "priority";
  public static final String CVSS = "cvss";
  public static final String EPSS = "epss";
  public static final String PERCENTILE = "percentile";
  public static final String KEV = "kev";
  public static final String RANSOMWARE = "ransomware";
  public static final String ASSET_ID = "asset.id";
  public static final String ASSET_TIER = "asset.tier";
  public static final String ASSET_ENVIRONMENT = "asset.environment";
  public static final String ASSET_EXPOSURE = "asset.exposure";
  public static final String ECOSYSTEM = "ecosystem";
  public static final String PATCH_TYPE = "patchType";
  public static final String HAS_FIX = "hasFix";
  public static final String DAYS_SINCE_PUBLISHED = "daysSincePublished";
  public static final String CVE_COUNT = "cveCount";
  public static final String ASSET_COUNT = "assetCount";
  public static final String AUTOMATABLE = "automatable";
  public static final String TECHNICAL_IMPACT = "technicalImpact";

  private static final Map<String, CelType> TYPES = new LinkedHashMap<>();

  static {
    TYPES.put(PRIORITY, SimpleType.STRING);
    TYPES.put(CVSS, SimpleType.DOUBLE);
    TYPES.put(EPSS, SimpleType.DOUBLE);
    TYPES.put(PERCENTILE, SimpleType.DOUBLE);
    TYPES.put(KEV, SimpleType.BOOL);
    TYPES.put(RANSOMWARE, SimpleType.BOOL);
    TYPES.put(ASSET_ID, SimpleType.STRING);
    TYPES.put(ASSET_TIER, SimpleType.STRING);
    TYPES.put(ASSET_ENVIRONMENT, SimpleType.STRING);
    TYPES.put(ASSET_EXPOSURE, SimpleType.STRING);
    TYPES.put(ECOSYSTEM, SimpleType.STRING);
    TYPES.put(PATCH_TYPE, SimpleType.STRING);
    TYPES.put(HAS_FIX, SimpleType.BOOL);
    TYPES.put(DAYS_SINCE_PUBLISHED, SimpleType.INT);
    TYPES.put(CVE_COUNT, SimpleType.INT);
    TYPES.put(ASSET_COUNT, SimpleType.INT);
    TYPES.put(AUTOMATABLE, SimpleType.BOOL);
    TYPES.put(TECHNICAL_IMPACT, SimpleType.STRING);
  }

  private TriageVariables() {}

  /** Returns every variable name with its CEL type, in documentation order. */
  public static Map<String, CelType> types() {
    return java.util.Collections.unmodifiableMap(TYPES);
  }
}
