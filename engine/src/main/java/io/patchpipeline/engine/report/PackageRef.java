package io.patchpipeline.engine.report;

import java.util.Locale;
import java.util.Objects;

/**
 * The package a finding is in. Absent text fields are empty strings, never null.
 *
 * @param name package name as the ecosystem spells it ({@code openssl}, {@code
 *     org.apache.logging.log4j:log4j-core})
 * @param ecosystem lower-case ecosystem: {@code debian}, {@code ubuntu}, {@code rpm}, {@code
 *     alpine}, {@code npm}, {@code maven}, {@code pypi}, {@code go}, {@code nuget}, {@code cargo},
 *     {@code gem}, or empty
 * @param purl package URL where the report gives one
 * @param installedVersion version found on the target
 */
public record PackageRef(
    String name, String ecosystem, String purl, String installedVersion, PackageKind kind) {
  public static final PackageRef NONE = new PackageRef("", "", "", "", PackageKind.UNKNOWN);

  public PackageRef {
    name = Objects.requireNonNullElse(name, "");
    ecosystem = Objects.requireNonNullElse(ecosystem, "").toLowerCase(Locale.ROOT);
    purl = Objects.requireNonNullElse(purl, "");
    installedVersion = Objects.requireNonNullElse(installedVersion, "");
    kind = Objects.requireNonNullElse(kind, PackageKind.UNKNOWN);
  }

  public boolean isPresent() {
    return !name.isEmpty();
  }
}
