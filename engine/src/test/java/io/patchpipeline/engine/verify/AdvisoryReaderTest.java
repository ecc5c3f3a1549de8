package io.patchpipeline.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.testing.SharedData;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdvisoryReaderTest {

  @Test
  void readsDebianLtsAdvisoryInOsvForm() throws Exception {
    Path file = SharedData.folder().resolve("advisories/vuls-testdata__DLA-0001-1.json");

    List<Advisory> advisories = AdvisoryReader.osv(Files.readString(file), file.toString());

    assertThat(advisories).hasSize(1);
    Advisory dla = advisories.get(0);
    assertThat(dla.id()).isEqualTo("DLA-0001-1");
    assertThat(dla.distribution()).isEqualTo("debian");
    assertThat(dla.release()).isEqualTo("6");
    assertThat(dla.packageName()).isEqualTo("gnutls26");
    assertThat(dla.cves()).containsExactly("CVE-2014-3466");
    assertThat(dla.fixedVersion()).isEqualTo("2.8.6-1+squeeze4");
  }

  @Test
  void readsDebianSecurityAdvisoryInOsvForm() throws Exception {
    Path file = SharedData.folder().resolve("advisories/vuls-testdata__DSA-135.json");

    List<Advisory> advisories = AdvisoryReader.osv(Files.readString(file), file.toString());

    assertThat(advisories).extracting(Advisory::release).contains("3");
    assertThat(advisories).extracting(Advisory::fixedVersion).contains("2.8.9-2");
    assertThat(advisories).allSatisfy(a -> assertThat(a.cves()).contains("CVE-2002-0653"));
  }

  @Test
  void readsRealDebianOval() throws Exception {
    Path file =
        SharedData.folder().resolve("advisories/vuls-testdata__oval-definitions-bullseye.xml.bz2");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/bzip2")), "Skipped: bzip2 is not installed");
    Process bunzip = new ProcessBuilder("bzip2", "-dc", file.toString()).start();
    byte[] xml = bunzip.getInputStream().readAllBytes();
    assertThat(bunzip.waitFor()).isZero();

    List<Advisory> advisories =
        AdvisoryReader.debianOval(new ByteArrayInputStream(xml), file.toString());

    assertThat(advisories).isNotEmpty();
    assertThat(advisories).allSatisfy(a -> assertThat(a.release()).isEqualTo("11"));
    assertThat(advisories)
        .anySatisfy(
            a -> {
              assertThat(a.packageName()).isEqualTo("389-ds-base");
              assertThat(a.cves()).containsExactly("CVE-2016-5405");
              assertThat(a.fixedVersion()).isEqualTo("1.3.5.15-1");
            });
    assertThat(advisories)
        .anySatisfy(
            a -> {
              assertThat(a.packageName()).isEqualTo("php7.4");
              assertThat(a.fixedVersion()).isEqualTo("7.4.30-1+deb11u1");
            });
  }

  @Test
  void ovalSampleFeedsTheIndex() throws Exception {
    List<Advisory> advisories;
    try (InputStream in = getClass().getResourceAsStream("/verify/oval-bookworm-sample.xml")) {
      advisories = AdvisoryReader.debianOval(in, "oval-bookworm-sample.xml");
    }
    AdvisoryIndex index = new AdvisoryIndex(advisories);

    assertThat(index.size()).isEqualTo(1);
    assertThat(index.find(List.of("CVE-2023-5678"), "openssl", "", "debian", "12"))
        .map(Advisory::fixedVersion)
        .contains("3.0.13-1~deb12u1");
    assertThat(index.find(List.of("CVE-2023-5678"), "openssl", "", "debian", "11")).isEmpty();
    assertThat(index.find(List.of("CVE-2023-0001"), "openssl", "", "debian", "12")).isEmpty();
  }

  @Test
  void ovalWithEntityIsRejected() {
    String xml = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";

    assertThatThrownBy(
            () ->
                AdvisoryReader.debianOval(
                    new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "evil.xml"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("evil.xml");
  }

  @Test
  void osvWithoutIdIsRejected() {
    assertThatThrownBy(() -> AdvisoryReader.osv("{\"affected\": []}", "osv.json"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("osv.json (/id)");
  }
}
