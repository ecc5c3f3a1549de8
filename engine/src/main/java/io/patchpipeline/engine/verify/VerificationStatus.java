package io.patchpipeline.engine.verify;

/** The outcome of verifying one finding. A missing result is {@link #UNKNOWN}, never fixed. */
public enum VerificationStatus {
  /**
   * The installed or running version is at least the fixed version, or a re-scan no longer reports
   * it.
   */
  FIXED,
  /**
   * The installed or running version is older than the fixed version, or a re-scan still reports
   * it.
   */
  STILL_VULNERABLE,
  /**
   * No result: host not reached, package not reported, no fixed version known, or not re-scanned.
   */
  UNKNOWN
}
