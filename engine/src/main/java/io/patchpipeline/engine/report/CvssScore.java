package io.patchpipeline.engine.report;

import java.util.Objects;

/**
 * One CVSS rating as a source gave it.
 *
 * @param source who scored it: {@code nvd}, {@code redhat}, {@code ghsa}, a vendor, or the scanner
 * @param version {@code 2.0}, {@code 3.0}, {@code 3.1} or {@code 4.0}
 * @param vector the vector string, normalized to carry its {@code CVSS:3.x/} prefix for 3.x; may be
 *     empty
 * @param score base score from 0.0 to 10.0, or {@code NaN} where only a vector was given or the
 *     report gave a value outside that range
 */
public record CvssScore(String source, String version, String vector, double score) {
  public CvssScore {
    if (score < 0 || score > 10) {
      // A score outside the CVSS range is not a rating: keep the vector, treat the score as
      // unknown.
      score = Double.NaN;
    }
    source = Objects.requireNonNullElse(source, "");
    version = Objects.requireNonNullElse(version, "");
    vector = Objects.requireNonNullElse(vector, "");
  }

  public boolean hasScore() {
    return !Double.isNaN(score);
  }

  /**
   * Reads a vector as a report gives it, adding the {@code CVSS:3.x/} prefix that some scanners
   * drop; {@code defaultVersion} is used when the vector does not name its version.
   */
  public static CvssScore of(String source, String vector, double score, String defaultVersion) {
    String text = Objects.requireNonNullElse(vector, "").trim();
    String version = Objects.requireNonNullElse(defaultVersion, "");
    if (text.startsWith("CVSS:")) {
      int slash = text.indexOf('/');
      version = slash > 5 ? text.substring(5, slash) : version;
    } else if (text.startsWith("AV:") && text.contains("/S:") && text.contains("/UI:")) {
      version = version.startsWith("3") ? version : "3.1";
      text = "CVSS:" + version + "/" + text;
    } else if (text.startsWith("AV:") && text.contains("/Au:")) {
      version = "2.0";
    }
    return new CvssScore(source, version, text, score);
  }
}
