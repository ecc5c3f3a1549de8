package io.patchpipeline.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EcosystemsTest {
  @ParameterizedTest
  @CsvSource({
    "linux-image-6.1.0-13-amd64, true",
    "linux-modules-5.15.0-91-generic, true",
    "linux, true",
    "kernel, true",
    "kernel-core, true",
    "kernel-rt, true",
    "linux-libc-dev, false",
    "linux-pam, false",
    "linux-firmware, false",
    "kernel-headers, false",
    "openssl, false"
  })
  void recognizesKernelPackages(String name, boolean kernel) {
    assertThat(Ecosystems.isKernel(name)).isEqualTo(kernel);
  }

  @ParameterizedTest
  @CsvSource({
    "Debian:10, debian",
    "Alpine:v3.18, alpine",
    "Red Hat:enterprise_linux:9, rpm",
    "Rocky Linux:9, rpm",
    "crates.io, cargo",
    "PyPI, pypi",
    "gomod, go",
    "jar, maven",
    "java-archive, maven",
    "dotnet-core, nuget",
    "gemspec, gem",
    "Packagist, composer",
    "Hex, hex"
  })
  void normalizesEcosystems(String word, String ecosystem) {
    assertThat(Ecosystems.normalize(word)).isEqualTo(ecosystem);
  }

  @ParameterizedTest
  @CsvSource({
    "pkg:npm/%40acme/widgets@1.2.0, npm, @acme/widgets, 1.2.0",
    "pkg:maven/org.apache.commons/commons-text@1.9?type=jar, maven, org.apache.commons:commons-text, 1.9",
    "pkg:golang/golang.org/x/net@v0.17.0#http2, go, golang.org/x/net, v0.17.0",
    "pkg:deb/ubuntu/bash@5.1-6ubuntu1?arch=amd64, ubuntu, bash, 5.1-6ubuntu1",
    "pkg:rpm/redhat/openssl-libs@1.1.1k-7.el8?epoch=1, rpm, openssl-libs, 1.1.1k-7.el8",
    "pkg:npm/@types/node, npm, @types/node, ''",
    "pkg:pypi/django, pypi, django, ''"
  })
  void parsesPackageUrls(String text, String ecosystem, String name, String version) {
    PackageRef pkg = Purl.parse(text).orElseThrow().toPackage(text);
    assertThat(pkg.ecosystem()).isEqualTo(ecosystem);
    assertThat(pkg.name()).isEqualTo(name);
    assertThat(pkg.installedVersion()).isEqualTo(version);
    assertThat(pkg.purl()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "npm/lodash@4", "pkg:", "pkg:npm", "pkg:npm/@1.0"})
  void rejectsInvalidPackageUrls(String text) {
    assertThat(Purl.parse(text)).isEqualTo(Optional.empty());
  }
}
