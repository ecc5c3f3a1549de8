package io.patchpipeline.engine.record;

import io.patchpipeline.engine.report.PackageKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Estimates a unit's patch complexity from the kind of patch, the version step, the number of
 * assets and whether a fix exists; the result is the highest level any reason gives.
 */
public record ComplexityEstimate(Complexity level, List<String> reasons) {
  /** Assets at which a rollout counts as medium effort, and as high effort. */
  static final int MEDIUM_ASSETS = 5;

  static final int HIGH_ASSETS = 20;

  public static ComplexityEstimate of(
      PackageKind kind, List<String> installedVersions, String fixedVersion, int assets) {
    List<String> reasons = new ArrayList<>();
    Complexity level = Complexity.LOW;
    if (fixedVersion.isEmpty()) {
      reasons.add("high: no fixed version is published for at least one finding");
      level = Complexity.HIGH;
    }
    Complexity byKind =
        switch (kind) {
          case KERNEL -> Complexity.HIGH;
          case IMAGE, APPLICATION, UNKNOWN -> Complexity.MEDIUM;
          case OS, LIBRARY -> Complexity.LOW;
        };
    reasons.add(lower(byKind) + ": " + kindReason(kind));
    level = max(level, byKind);
    if (!fixedVersion.isEmpty()) {
      VersionStep largest = VersionStep.PATCH;
      for (String version : installedVersions) {
        VersionStep step = VersionStep.between(version, fixedVersion);
        if (effort(step).ordinal() > effort(largest).ordinal()) {
          largest = step;
        }
      }
      Complexity byStep = effort(largest);
      reasons.add(lower(byStep) + ": " + lower(largest) + " version step to " + fixedVersion);
      level = max(level, byStep);
    }
    Complexity byAssets =
        assets >= HIGH_ASSETS
            ? Complexity.HIGH
            : assets >= MEDIUM_ASSETS ? Complexity.MEDIUM : Complexity.LOW;
    reasons.add(lower(byAssets) + ": touches " + assets + (assets == 1 ? " asset" : " assets"));
    return new ComplexityEstimate(max(level, byAssets), reasons);
  }

  private static String kindReason(PackageKind kind) {
    return switch (kind) {
      case KERNEL -> "kernel update that needs a reboot";
      case IMAGE -> "base image rebuild and redeployment";
      case OS -> "distribution package update";
      case LIBRARY -> "library upgrade in an application build";
      case APPLICATION -> "product update found by a network scan";
      case UNKNOWN -> "patch kind unknown";
    };
  }

  private static Complexity effort(VersionStep step) {
    return switch (step) {
      case MAJOR -> Complexity.HIGH;
      case MINOR, UNKNOWN -> Complexity.MEDIUM;
      case PATCH -> Complexity.LOW;
    };
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static Complexity max(Complexity a, Complexity b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }
}
