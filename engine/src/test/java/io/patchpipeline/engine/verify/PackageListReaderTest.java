package io.patchpipeline.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.core.InputException;
import org.junit.jupiter.api.Test;

class PackageListReaderTest {

  @Test
  void readsDpkgQuery() {
    HostInventory host =
        PackageListReader.dpkgQuery(
            "web1",
            "openssl 3.0.11-1~deb12u2\nlibssl3:amd64 3.0.11-1~deb12u2\n\nbash 5.2.15-2+b2 amd64\n",
            "dpkg.txt");

    assertThat(host.installed("openssl"))
        .extracting(InstalledPackage::version)
        .containsExactly("3.0.11-1~deb12u2");
    assertThat(host.installed("libssl3"))
        .extracting(InstalledPackage::arch)
        .containsExactly("amd64");
    assertThat(host.installed("bash")).extracting(InstalledPackage::arch).containsExactly("amd64");
    assertThat(host.distribution()).isEqualTo("debian");
    assertThat(host.reached()).isTrue();
  }

  @Test
  void dpkgLineWithoutVersionNamesFileAndLine() {
    assertThatThrownBy(() -> PackageListReader.dpkgQuery("web1", "openssl 3.0\nbash\n", "dpkg.txt"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("dpkg.txt (line 2)")
        .hasMessageContaining("PACKAGE VERSION");
  }

  @Test
  void readsRpmQuery() {
    HostInventory host =
        PackageListReader.rpmQuery(
            "db1",
            "openssl (none):3.0.7-25.el9_3\nkernel 0:5.14.0-362.8.1.el9_3 x86_64\nbind 32:9.16.23-14.el9\n",
            "rpm.txt");

    assertThat(host.installed("openssl"))
        .extracting(InstalledPackage::version)
        .containsExactly("3.0.7-25.el9_3");
    assertThat(host.installed("kernel"))
        .extracting(InstalledPackage::version)
        .containsExactly("0:5.14.0-362.8.1.el9_3");
    assertThat(host.installed("bind"))
        .extracting(InstalledPackage::version)
        .containsExactly("32:9.16.23-14.el9");
    assertThat(host.distribution()).isEqualTo("rpm");
  }

  @Test
  void rpmVersionWithoutReleaseIsRejected() {
    assertThatThrownBy(() -> PackageListReader.rpmQuery("db1", "openssl 3.0.7\n", "rpm.txt"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("rpm.txt (line 1)")
        .hasMessageContaining("VERSION-RELEASE");
  }

  @Test
  void readsApkInfoAndApkList() {
    HostInventory info =
        PackageListReader.apkInfo(
            "c1",
            "musl-1.2.4-r2\nlibcrypto3-3.1.4-r5\nca-certificates-bundle-20230506-r0\n",
            "apk.txt");
    HostInventory list =
        PackageListReader.apkInfo(
            "c1",
            "WARNING: opening from cache\nlibcrypto3-3.1.4-r5 x86_64 {openssl} (Apache-2.0) [installed]\n",
            "apk-list.txt");

    assertThat(info.installed("libcrypto3"))
        .extracting(InstalledPackage::version)
        .containsExactly("3.1.4-r5");
    assertThat(info.installed("ca-certificates-bundle"))
        .extracting(InstalledPackage::version)
        .containsExactly("20230506-r0");
    assertThat(list.installed("libcrypto3"))
        .extracting(InstalledPackage::source)
        .containsExactly("openssl");
    assertThat(list.installed("libcrypto3"))
        .extracting(InstalledPackage::arch)
        .containsExactly("x86_64");
  }

  @Test
  void apkEntryWithoutRevisionIsRejected() {
    assertThatThrownBy(() -> PackageListReader.apkInfo("c1", "musl-1.2.4\n", "apk.txt"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("NAME-VERSION-rN");
  }

  @Test
  void readsUname() {
    assertThat(PackageListReader.unameRelease("\n6.1.0-18-amd64\n", "uname.txt"))
        .isEqualTo("6.1.0-18-amd64");
    assertThatThrownBy(() -> PackageListReader.unameRelease("  \n", "uname.txt"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("uname -r");
  }
}
