package io.patchpipeline.engine.verify.version;

/**
 * Go module versions as {@code golang.org/x/mod/semver} orders them: semver with a {@code v} prefix
 * ({@code v1} and {@code v1.2} mean {@code v1.0.0} and {@code v1.2.0}), {@code +incompatible}
 * ignored as build metadata, and pseudo-versions such as {@code v0.0.0-20191109021931-daa7c04131f5}
 * ordered as the pre-releases they are. The {@code v} may be missing, as some scanners print it.
 */
public final class GoVersionComparator implements VersionComparator {
  static final GoVersionComparator INSTANCE = new GoVersionComparator();

  private GoVersionComparator() {}

  @Override
  public String ecosystem() {
    return "go";
  }

  @Override
  public int compare(String left, String right) {
    return Semver.parse("go", left, true).compareWith(Semver.parse("go", right, true));
  }
}
