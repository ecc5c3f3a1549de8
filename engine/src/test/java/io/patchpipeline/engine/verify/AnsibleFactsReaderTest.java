package io.patchpipeline.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.patchpipeline.engine.core.InputException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnsibleFactsReaderTest {

  @Test
  void readsSingleModuleResult() {
    String json =
        """
        {"ansible_facts": {"packages": {
          "openssl": [{"name": "openssl", "version": "3.0.7", "release": "25.el9_3", "epoch": null,
                       "arch": "x86_64", "source": "rpm"}],
          "bind": [{"name": "bind", "version": "9.16.23", "release": "14.el9", "epoch": 32,
                    "arch": "x86_64", "source": "rpm"}]},
          "ansible_distribution": "RedHat", "ansible_distribution_major_version": "9",
          "ansible_kernel": "5.14.0-362.8.1.el9_3.x86_64"}}
        """;

    HostInventory host = AnsibleFactsReader.read(json, "db1", "facts.json").get("db1");

    assertThat(host.installed("openssl"))
        .extracting(InstalledPackage::version)
        .containsExactly("3.0.7-25.el9_3");
    assertThat(host.installed("bind"))
        .extracting(InstalledPackage::version)
        .containsExactly("32:9.16.23-14.el9");
    assertThat(host.installed("bind")).extracting(InstalledPackage::source).containsExactly("");
    assertThat(host.distribution()).isEqualTo("rpm");
    assertThat(host.release()).isEqualTo("9");
    assertThat(host.runningKernel()).isEqualTo("5.14.0-362.8.1.el9_3.x86_64");
  }

  @Test
  void readsObjectOfHosts() {
    String json =
        """
        {"web1": {"ansible_facts": {"packages": {"curl": [{"version": "7.88.1-10+deb12u5", "source": "apt"}]}}},
         "web2": {"unreachable": true, "msg": "Failed to connect to the host via ssh"}}
        """;

    Map<String, HostInventory> hosts = AnsibleFactsReader.read(json, "", "facts.json");

    assertThat(hosts.get("web1").installed("curl"))
        .extracting(InstalledPackage::version)
        .containsExactly("7.88.1-10+deb12u5");
    assertThat(hosts.get("web2").reached()).isFalse();
    assertThat(hosts.get("web2").unreachableReason()).contains("Failed to connect");
  }

  @Test
  void invalidJsonNamesTheFile() {
    assertThatThrownBy(() -> AnsibleFactsReader.read("{\"web1\": ", "", "facts.json"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("facts.json")
        .hasMessageContaining("invalid JSON");
  }

  @Test
  void entryWithoutVersionIsRejected() {
    String json = "{\"ansible_facts\": {\"packages\": {\"curl\": [{\"arch\": \"amd64\"}]}}}";

    assertThatThrownBy(() -> AnsibleFactsReader.read(json, "web1", "facts.json"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("/ansible_facts/packages/curl");
  }

  /** Runs the real ansible-playbook against this machine and a host that refuses connections. */
  @Test
  void readsRealPlaybookOutput(@TempDir Path dir) throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/ansible-playbook")),
        "Skipped: ansible-playbook is not installed (Debian package ansible-core)");
    Path playbook = dir.resolve("facts.yml");
    try (InputStream in = getClass().getResourceAsStream("/verify/package-facts.yml")) {
      Files.copy(Objects.requireNonNull(in, "package-facts.yml"), playbook);
    }
    Path inventory = dir.resolve("hosts.ini");
    Files.writeString(
        inventory,
        "local ansible_connection=local ansible_python_interpreter=/usr/bin/python3\n"
            + "gone ansible_host=127.0.0.1 ansible_port=9 ansible_connection=ssh"
            + " ansible_ssh_common_args='-o ConnectTimeout=3 -o BatchMode=yes'\n");
    ProcessBuilder builder =
        new ProcessBuilder("ansible-playbook", "-i", inventory.toString(), playbook.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("ANSIBLE_STDOUT_CALLBACK", "json");
    builder.environment().put("ANSIBLE_HOST_KEY_CHECKING", "False");
    builder.environment().put("ANSIBLE_LOCAL_TEMP", dir.resolve("tmp").toString());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("ansible-playbook finished").isTrue();

    Map<String, HostInventory> hosts =
        AnsibleFactsReader.read(output, "", "ansible-playbook output");

    HostInventory local = hosts.get("local");
    assertThat(local.reached()).isTrue();
    assertThat(local.installed("dpkg")).isNotEmpty();
    assertThat(local.distribution()).isEqualTo("debian");
    assertThat(local.runningKernel()).isNotEmpty();
    assertThat(hosts.get("gone").reached()).isFalse();
  }
}
