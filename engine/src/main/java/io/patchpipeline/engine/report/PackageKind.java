package io.patchpipeline.engine.report;

/** What kind of software a finding sits in; it decides how a fix is applied. */
public enum PackageKind {
  /** A distribution package (dpkg, rpm, apk). */
  OS,
  /** An operating-system kernel package: the fix needs a reboot. */
  KERNEL,
  /** An application dependency (npm, Maven, PyPI, Go, ...). */
  LIBRARY,
  /** A container base image: the fix is a rebuild on a newer base. */
  IMAGE,
  /** A product found on a host without a package name (typical for network scanners). */
  APPLICATION,
  UNKNOWN
}
