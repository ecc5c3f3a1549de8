package io.patchpipeline.engine.verify;

import java.util.Objects;

/**
 * One installed package as a host reports it.
 *
 * @param version the full version in the ecosystem's comparable form: {@code
 *     epoch:upstream-revision} for dpkg, {@code epoch:version-release} for rpm, {@code version-rN}
 *     for apk
 * @param source the source package where the host says, else empty
 */
public record InstalledPackage(String name, String version, String arch, String source) {
  public InstalledPackage {
    name = Objects.requireNonNull(name, "name");
    version = Objects.requireNonNull(version, "version");
    arch = Objects.requireNonNullElse(arch, "");
    source = Objects.requireNonNullElse(source, "");
  }
}
