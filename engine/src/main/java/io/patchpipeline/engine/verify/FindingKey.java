package io.patchpipeline.engine.verify;

import io.patchpipeline.engine.report.Finding;

/** What makes two findings of two scans the same: vulnerability, package and target. */
public record FindingKey(String vulnerability, String packageName, String target) {

  public static FindingKey of(Finding finding) {
    return new FindingKey(finding.canonicalId(), finding.pkg().name(), finding.target().name());
  }

  @Override
  public String toString() {
    return vulnerability + " " + (packageName.isEmpty() ? "-" : packageName) + " @ " + target;
  }
}
