package io.patchpipeline.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.core.InputException;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeployNamesTest {
  private static BiFunction<String, String, String> check(String kind) {
    return switch (kind) {
      case "host" -> DeployNames::host;
      case "package" -> DeployNames::packageName;
      case "version" -> DeployNames::version;
      case "image" -> DeployNames::image;
      case "tag" -> DeployNames::tag;
      case "k8s" -> DeployNames::kubernetesName;
      case "kb" -> DeployNames::kb;
      case "cve" -> DeployNames::vulnerabilityId;
      default -> DeployNames::valueKey;
    };
  }

  @ParameterizedTest(name = "{0} accepts {1}")
  @CsvSource({
    "host, web01.example.com",
    "host, 10.0.0.12",
    "host, win_agent-3",
    "package, libssl3",
    "package, @angular/core",
    "package, g++",
    "version, 1:2.36-9+deb12u4",
    "version, 3.0.13-1~deb12u1",
    "image, registry.example.com:5000/team/app",
    "tag, 1.25.4-alpine",
    "k8s, payments-api",
    "kb, KB5034441",
    "cve, CVE-2024-3094",
    "cve, GHSA-8r8j-xvfj-36f9",
    "key, image.tag"
  })
  void acceptsRealNames(String kind, String value) {
    assertThat(check(kind).apply(value, "test")).isEqualTo(value);
  }

  @ParameterizedTest(name = "{0} rejects {1}")
  @CsvSource({
    "host, -oProxyCommand=x",
    "host, web01;reboot",
    "host, 'web 01'",
    "host, web01:22",
    "host, '*'",
    "host, ''",
    "package, -y",
    "package, 'openssl;id'",
    "package, 'openssl zlib'",
    "package, $(id)",
    "version, -1",
    "version, '1.0 --force'",
    "version, '1.0`'",
    "image, -image",
    "image, Registry/App",
    "tag, 'v1;id'",
    "k8s, --all",
    "k8s, Payments",
    "kb, 5034441",
    "kb, KB5034441;x",
    "cve, cve-2024-3094;",
    "key, image.tag=x"
  })
  void rejectsInjection(String kind, String value) {
    assertThatThrownBy(() -> check(kind).apply(value, "unit PP-1"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("unit PP-1: ");
  }
}
