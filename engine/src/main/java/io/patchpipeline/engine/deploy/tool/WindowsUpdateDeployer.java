package io.patchpipeline.engine.deploy.tool;

import io.patchpipeline.engine.deploy.DeployNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Installs one Windows update by KB id through the Windows Update Agent API, from the update source
 * the machine is configured for (its WSUS server on WSUS-managed machines). The script runs as
 * {@code powershell.exe -EncodedCommand}, with the KB id as a single-quoted literal. Rollback
 * uninstalls the KB with {@code wusa.exe /uninstall}. Each item's name is the KB id, such as {@code
 * KB5034441}.
 */
public final class WindowsUpdateDeployer extends StepwiseDeployer {
  private final String powershell;
  private final Duration timeout;

  public WindowsUpdateDeployer(String powershell, Duration timeout, CommandRunner runner) {
    super(runner);
    this.powershell = powershell;
    this.timeout = timeout;
  }

  @Override
  public String tool() {
    return "windows-update";
  }

  /** Returns the script that installs {@code kb}, or only searches for it in check mode. */
  static String installScript(String kb, boolean checkOnly) {
    String article = kb.substring(2);
    return String.join(
        "\n",
        "$ErrorActionPreference = 'Stop'",
        "$kb = " + PowerShell.literal(article),
        "$checkOnly = " + (checkOnly ? "$true" : "$false"),
        "$session = New-Object -ComObject Microsoft.Update.Session",
        "$searcher = $session.CreateUpdateSearcher()",
        "$found = $searcher.Search('IsInstalled=0 and IsHidden=0')",
        "$updates = New-Object -ComObject Microsoft.Update.UpdateColl",
        "foreach ($update in $found.Updates) {",
        "  if ($update.KBArticleIDs -contains $kb) { [void]$updates.Add($update) }",
        "}",
        "if ($updates.Count -eq 0) { Write-Output 'patch-pipeline: not applicable or installed'; exit 0 }",
        "if ($checkOnly) { Write-Output ('patch-pipeline: would install ' + $updates.Count); exit 0 }",
        "$downloader = $session.CreateUpdateDownloader()",
        "$downloader.Updates = $updates",
        "[void]$downloader.Download()",
        "$installer = $session.CreateUpdateInstaller()",
        "$installer.Updates = $updates",
        "$result = $installer.Install()",
        "Write-Output ('patch-pipeline: result ' + $result.ResultCode + ' reboot '"
            + " + $result.RebootRequired)",
        "# ResultCode 2 is succeeded, 3 succeeded with errors (OperationResultCode).",
        "if ($result.ResultCode -ne 2 -and $result.ResultCode -ne 3) { exit 1 }",
        "exit 0");
  }

  @Override
  List<Command> deploySteps(String target, DeployRequest request) {
    String host = DeployNames.host(target, "wave " + request.waveName());
    List<Command> commands = new ArrayList<>();
    for (DeployItem item : request.items()) {
      String kb = DeployNames.kb(item.name(), "unit " + item.unitId());
      List<String> arguments =
          List.of(
              powershell,
              "-NoProfile",
              "-NonInteractive",
              "-ExecutionPolicy",
              "Bypass",
              "-EncodedCommand",
              PowerShell.encode(installScript(kb, request.checkMode())));
      commands.add(Command.of(arguments, timeout).onHost(host));
    }
    return commands;
  }

  @Override
  List<Command> rollbackSteps(String target, DeployRequest request) {
    String host = DeployNames.host(target, "wave " + request.waveName());
    List<Command> commands = new ArrayList<>();
    for (DeployItem item : request.items()) {
      String kb = DeployNames.kb(item.name(), "unit " + item.unitId());
      List<String> arguments =
          List.of("wusa.exe", "/uninstall", "/kb:" + kb.substring(2), "/quiet", "/norestart");
      commands.add(Command.of(arguments, timeout).onHost(host));
    }
    return commands;
  }
}
