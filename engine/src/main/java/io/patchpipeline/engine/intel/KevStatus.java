package io.patchpipeline.engine.intel;

/** Whether a CVE is in the CISA KEV catalog; UNKNOWN when no catalog was loaded. */
public enum KevStatus {
  LISTED,
  NOT_LISTED,
  UNKNOWN
}
