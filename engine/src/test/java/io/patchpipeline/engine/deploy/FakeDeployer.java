package io.patchpipeline.engine.deploy;

import io.patchpipeline.engine.deploy.tool.Command;
import io.patchpipeline.engine.deploy.tool.DeployRequest;
import io.patchpipeline.engine.deploy.tool.Deployer;
import io.patchpipeline.engine.deploy.tool.HostResult;
import io.patchpipeline.engine.deploy.tool.ToolResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Records each call with the clock time, fails chosen hosts, and can crash on a chosen call. */
final class FakeDeployer implements Deployer {
  /** Thrown to stand for a controller that dies in the middle of a command. */
  static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash() {
      super("controller stopped");
    }
  }

  record Call(String action, String wave, List<String> hosts, Instant at) {}

  final List<Call> calls = new ArrayList<>();
  private final FakeClock clock;
  private final Set<String> failing;
  private int crashOnDeploy = -1;
  private Set<String> failingRollback = Set.of();

  FakeDeployer(FakeClock clock, Set<String> failing) {
    this.clock = clock;
    this.failing = failing;
  }

  /** Makes the deploy call with this zero-based number crash before it returns. */
  FakeDeployer crashOnDeploy(int number) {
    crashOnDeploy = number;
    return this;
  }

  /** Makes the rollback fail on these hosts. */
  FakeDeployer failRollbackOn(Set<String> hosts) {
    failingRollback = hosts;
    return this;
  }

  @Override
  public String tool() {
    return "fake";
  }

  @Override
  public List<Command> deployCommands(DeployRequest request) {
    return List.of();
  }

  @Override
  public List<Command> rollbackCommands(DeployRequest request) {
    return List.of();
  }

  @Override
  public ToolResult deploy(DeployRequest request) {
    long deploys = calls.stream().filter(c -> c.action().equals("deploy")).count();
    calls.add(new Call("deploy", request.waveName(), request.hosts(), clock.instant()));
    if (deploys == crashOnDeploy) {
      throw new Crash();
    }
    return result(request);
  }

  @Override
  public ToolResult rollback(DeployRequest request) {
    calls.add(new Call("rollback", request.waveName(), request.hosts(), clock.instant()));
    List<HostResult> hosts = new ArrayList<>();
    for (String host : request.hosts()) {
      hosts.add(
          failingRollback.contains(host)
              ? new HostResult(host, HostResult.Status.UNREACHABLE, "host unreachable")
              : new HostResult(host, HostResult.Status.CHANGED, ""));
    }
    return new ToolResult(hosts, List.of(), "");
  }

  private ToolResult result(DeployRequest request) {
    List<HostResult> hosts = new ArrayList<>();
    for (String host : request.hosts()) {
      hosts.add(
          failing.contains(host)
              ? new HostResult(host, HostResult.Status.FAILED, "package install failed")
              : new HostResult(host, HostResult.Status.CHANGED, ""));
    }
    return new ToolResult(hosts, List.of("fake " + request.waveName()), "");
  }

  List<String> waves(String action) {
    return calls.stream().filter(c -> c.action().equals(action)).map(Call::wave).toList();
  }
}
