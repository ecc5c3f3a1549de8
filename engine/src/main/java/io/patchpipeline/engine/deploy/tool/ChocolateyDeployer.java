package io.patchpipeline.engine.deploy.tool;

import io.patchpipeline.engine.deploy.DeployNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Upgrades Chocolatey packages on Windows hosts with {@code choco upgrade PKG --version V --yes}.
 * Exit codes 1641 and 3010 mean success with a reboot pending (Chocolatey's documented exit codes
 * with {@code usePackageExitCodes}). Rollback installs the previous version with {@code
 * --allow-downgrade}; check mode adds {@code --noop}.
 */
public final class ChocolateyDeployer extends StepwiseDeployer {
  private static final Set<Integer> SUCCESS = Set.of(0, 1641, 3010);

  private final String executable;
  private final Duration timeout;

  public ChocolateyDeployer(String executable, Duration timeout, CommandRunner runner) {
    super(runner);
    this.executable = executable;
    this.timeout = timeout;
  }

  @Override
  public String tool() {
    return "chocolatey";
  }

  @Override
  boolean succeeded(CommandResult result) {
    return !result.timedOut() && SUCCESS.contains(result.exitCode());
  }

  @Override
  HostResult.Status success(List<CommandResult> results) {
    return HostResult.Status.CHANGED;
  }

  @Override
  List<Command> deploySteps(String target, DeployRequest request) {
    String host = DeployNames.host(target, "wave " + request.waveName());
    List<Command> commands = new ArrayList<>();
    for (DeployItem item : request.items()) {
      List<String> arguments = upgrade(item, item.version());
      if (request.checkMode()) {
        arguments.add("--noop");
      }
      commands.add(Command.of(arguments, timeout).onHost(host));
    }
    return commands;
  }

  @Override
  List<Command> rollbackSteps(String target, DeployRequest request) {
    String host = DeployNames.host(target, "wave " + request.waveName());
    List<Command> commands = new ArrayList<>();
    for (DeployItem item : request.items()) {
      if (item.previousVersion().isEmpty()) {
        throw new io.patchpipeline.engine.core.InputException(
            "unit " + item.unitId(),
            "",
            "cannot roll back " + item.name() + ": the record has no previous version to pin");
      }
      List<String> arguments = upgrade(item, item.previousVersion());
      arguments.add("--allow-downgrade");
      commands.add(Command.of(arguments, timeout).onHost(host));
    }
    return commands;
  }

  private List<String> upgrade(DeployItem item, String version) {
    String source = "unit " + item.unitId();
    return new ArrayList<>(
        List.of(
            executable,
            "upgrade",
            DeployNames.packageName(item.name(), source),
            "--version",
            DeployNames.version(version, source),
            "--yes",
            "--no-progress"));
  }
}
