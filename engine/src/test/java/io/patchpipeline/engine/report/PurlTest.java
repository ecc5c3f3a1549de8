package io.patchpipeline.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PurlTest {
  @ParameterizedTest
  @CsvSource({
    "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1, org.apache.logging.log4j:log4j-core,"
        + " maven, 2.14.1",
    "pkg:npm/%40babel/traverse@7.23.0, @babel/traverse, npm, 7.23.0",
    "pkg:npm/minimist@1.2.0?foo=bar#sub, minimist, npm, 1.2.0",
    "pkg:deb/debian/openssl@1.1.1n-0+deb11u4?arch=amd64, openssl, debian, 1.1.1n-0+deb11u4",
    "pkg:pypi/django, django, pypi, ''",
  })
  void parsesPackageUrl(String purl, String name, String ecosystem, String version) {
    PackageRef pkg = Purl.packageOf(purl, PackageKind.LIBRARY);

    assertThat(pkg.name()).isEqualTo(name);
    assertThat(pkg.ecosystem()).isEqualTo(ecosystem);
    assertThat(pkg.installedVersion()).isEqualTo(version);
    assertThat(pkg.purl()).isEqualTo(purl);
  }

  @ParameterizedTest
  @CsvSource({"cpe:/a:apache:log4j:2.14.1", "pkg:maven", "pkg:npm/", "''"})
  void rejectsOtherIdentifiers(String text) {
    assertThat(Purl.packageOf(text, PackageKind.LIBRARY)).isNull();
  }
}
