package io.jenkins.plugins.patchpipeline;

import hudson.model.Action;
import java.util.Map;

/**
 * The verification figures of a build, shown on the build page and read by the job's trend. Only
 * these counts are saved in {@code build.xml}; the verdicts stay in the record. It adds no link to
 * the build's side panel.
 */
public final class VerifyAction implements Action {
  private final int units;
  private final int verified;
  private final int slaMet;
  private final String outcome;

  VerifyAction(int units, int verified, int slaMet, String outcome) {
    this.units = units;
    this.verified = verified;
    this.slaMet = slaMet;
    this.outcome = outcome;
  }

  /** Takes the counts from the summary map of {@code verifyCve}. */
  static VerifyAction of(Map<String, Object> summary) {
    return new VerifyAction(
        number(summary.get("units")),
        number(summary.get("verified")),
        number(summary.get("slaMet")),
        String.valueOf(summary.getOrDefault("outcome", "")));
  }

  private static int number(Object value) {
    return value instanceof Number n ? n.intValue() : 0;
  }

  public int getUnits() {
    return units;
  }

  public int getVerified() {
    return verified;
  }

  public int getSlaMet() {
    return slaMet;
  }

  public String getOutcome() {
    return outcome;
  }

  @Override
  public String getIconFileName() {
    return null;
  }

  @Override
  public String getDisplayName() {
    return Messages.VerifyAction_DisplayName();
  }

  @Override
  public String getUrlName() {
    return null;
  }
}
