package io.patchpipeline.engine.deploy.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.core.InputException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Chocolatey and Windows Update through recording stand-ins on PATH (no Windows here), and the
 * PowerShell quoting they rely on.
 */
class WindowsToolsTest {
  @TempDir Path folder;

  private static DeployItem item(String name, String version, String previous) {
    return new DeployItem("PP-4", name, version, previous, "APPLICATION", List.of("CVE-2024-4577"));
  }

  @Test
  void chocolateyUpgradesToTheFixedVersion() throws Exception {
    FakeTools tools = new FakeTools(folder, "choco");
    tools.answer("choco", 0, "Chocolatey upgraded 1/1 packages.", 0);
    tools.answer("choco", 1, "Chocolatey upgraded 1/1 packages.", 0);
    ChocolateyDeployer deployer =
        new ChocolateyDeployer("choco", Duration.ofMinutes(5), tools.runner());

    ToolResult result =
        deployer.deploy(
            new DeployRequest(
                "wave 1",
                List.of("localhost", "win1"),
                List.of(item("php", "8.3.8", "8.3.6")),
                false));

    assertThat(tools.calls("choco"))
        .containsOnly(List.of("upgrade", "php", "--version", "8.3.8", "--yes", "--no-progress"));
    assertThat(tools.calls("choco")).hasSize(2);
    assertThat(result.hosts())
        .extracting(HostResult::status)
        .containsExactly(HostResult.Status.CHANGED, HostResult.Status.CHANGED);
  }

  @Test
  void chocolateyRebootExitCodesCountAsSuccess() {
    // A POSIX exit status has 8 bits, so the stand-in script cannot return 3010 itself.
    ChocolateyDeployer deployer =
        new ChocolateyDeployer("choco", Duration.ofMinutes(5), new LocalCommandRunner());

    assertThat(deployer.succeeded(new CommandResult(3010, "A reboot is required.", false)))
        .isTrue();
    assertThat(deployer.succeeded(new CommandResult(1641, "", false))).isTrue();
    assertThat(deployer.succeeded(new CommandResult(1, "", false))).isFalse();
    assertThat(deployer.succeeded(new CommandResult(0, "", true))).isFalse();
  }

  @Test
  void chocolateyRollbackPinsPreviousVersionAndCheckIsNoop() throws Exception {
    FakeTools tools = new FakeTools(folder, "choco");
    tools.answer("choco", 0, "Unable to resolve dependency", 1);
    ChocolateyDeployer deployer =
        new ChocolateyDeployer("choco", Duration.ofMinutes(5), tools.runner());
    DeployRequest request =
        new DeployRequest(
            "wave 1", List.of("localhost"), List.of(item("php", "8.3.8", "8.3.6")), false);

    ToolResult failed = deployer.rollback(request);
    List<Command> check =
        deployer.deployCommands(
            new DeployRequest("w", List.of("localhost"), request.items(), true));

    assertThat(tools.calls("choco").get(0))
        .containsExactly(
            "upgrade", "php", "--version", "8.3.6", "--yes", "--no-progress", "--allow-downgrade");
    assertThat(failed.hosts().get(0).detail())
        .contains("exit code 1")
        .contains("Unable to resolve dependency");
    assertThat(check.get(0).arguments()).endsWith("--noop");
  }

  @Test
  void chocolateyWithoutPreviousVersionCannotRollBack() {
    ChocolateyDeployer deployer =
        new ChocolateyDeployer("choco", Duration.ofMinutes(5), new LocalCommandRunner());

    assertThatThrownBy(
            () ->
                deployer.rollbackCommands(
                    new DeployRequest(
                        "w", List.of("localhost"), List.of(item("php", "8.3.8", "")), false)))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no previous version");
  }

  @Test
  void remoteHostNeedsARunnerThatReachesIt() {
    ChocolateyDeployer deployer =
        new ChocolateyDeployer("choco", Duration.ofMinutes(5), new LocalCommandRunner());

    assertThatThrownBy(
            () ->
                deployer.deploy(
                    new DeployRequest(
                        "w", List.of("win7"), List.of(item("php", "8.3.8", "8.3.6")), false)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("on host win7");
  }

  @ParameterizedTest
  @ValueSource(strings = {"php; Remove-Item C:\\", "-force", "php zip", "php$(calc)", "php`n"})
  void chocolateyRejectsUnsafePackageNames(String name) {
    ChocolateyDeployer deployer =
        new ChocolateyDeployer("choco", Duration.ofMinutes(5), new LocalCommandRunner());

    assertThatThrownBy(
            () ->
                deployer.deployCommands(
                    new DeployRequest(
                        "w", List.of("localhost"), List.of(item(name, "1.0", "")), false)))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("invalid package name");
  }

  @Test
  void powerShellLiteralDoublesEveryQuote() {
    assertThat(PowerShell.literal("it's")).isEqualTo("'it''s'");
    assertThat(PowerShell.literal("a\u2019b")).isEqualTo("'a\u2019\u2019b'");
    assertThat(PowerShell.literal("$(Remove-Item C:\\) `n \"x\""))
        .isEqualTo("'$(Remove-Item C:\\) `n \"x\"'");
  }

  @Test
  void powerShellEncodingIsUtf16LittleEndianBase64() {
    assertThat(PowerShell.encode("dir")).isEqualTo("ZABpAHIA");
    assertThat(PowerShell.decode(PowerShell.encode("Write-Output 'ä'")))
        .isEqualTo("Write-Output 'ä'");
  }

  @Test
  void windowsUpdateSendsAnEncodedScriptForOneKb() throws Exception {
    FakeTools tools = new FakeTools(folder, "powershell.exe", "wusa.exe");
    tools.answer("powershell.exe", 0, "patch-pipeline: result 2 reboot True", 0);
    WindowsUpdateDeployer deployer =
        new WindowsUpdateDeployer("powershell.exe", Duration.ofMinutes(5), tools.runner());
    DeployRequest request =
        new DeployRequest(
            "wave 1", List.of("win1"), List.of(item("KB5034441", "KB5034441", "")), false);

    ToolResult result = deployer.deploy(request);
    deployer.rollback(request);

    List<String> call = tools.calls("powershell.exe").get(0);
    assertThat(call.subList(0, 5))
        .containsExactly(
            "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-EncodedCommand");
    String script = PowerShell.decode(call.get(5));
    assertThat(script)
        .contains("$kb = '5034441'")
        .contains("$checkOnly = $false")
        .contains("Microsoft.Update.Session");
    assertThat(result.hosts().get(0).status()).isEqualTo(HostResult.Status.CHANGED);
    assertThat(tools.calls("wusa.exe"))
        .containsExactly(List.of("/uninstall", "/kb:5034441", "/quiet", "/norestart"));
  }

  @Test
  void windowsUpdateRejectsAnythingButAKbId() {
    WindowsUpdateDeployer deployer =
        new WindowsUpdateDeployer(
            "powershell.exe", Duration.ofMinutes(5), new LocalCommandRunner());

    assertThatThrownBy(
            () ->
                deployer.deployCommands(
                    new DeployRequest(
                        "w",
                        List.of("win1"),
                        List.of(item("KB5034441'; Restart-Computer; '", "x", "")),
                        false)))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("invalid KB article id");
  }
}
