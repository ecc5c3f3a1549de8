package io.patchpipeline.engine.verify.version;

/**
 * Semantic Versioning 2.0.0 as npm and Cargo use it: pre-releases sort before their release,
 * numeric identifiers numerically and below alphanumeric ones, build metadata is ignored, and a
 * leading {@code v} or {@code =} is accepted as npm's {@code semver.clean} accepts it.
 */
public final class SemverComparator implements VersionComparator {
  static final SemverComparator INSTANCE = new SemverComparator();

  private SemverComparator() {}

  @Override
  public String ecosystem() {
    return "npm";
  }

  @Override
  public int compare(String left, String right) {
    return Semver.parse("npm", left, false).compareWith(Semver.parse("npm", right, false));
  }
}
