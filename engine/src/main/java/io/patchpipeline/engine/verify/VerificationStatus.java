package io.patchpipeline.engine.verify;

/** The outcome of verifying one finding. A missing answer is {@link #UNKNOWN}, never fixed. */
public enum VerificationStatus {
  /**
   * The installed or running version is at least the fixed version, or a re-scan no longer sees it.
   */
  FIXED,
  /**
   * The installed or running version is older than the fixed version, or a re-scan still sees it.
   */
  STILL_VULNERABLE,
  /**
   * No answer: host not reached, package not reported, no fixed version known, or not re-scanned.
   */
  UNKNOWN
}
