package io.patchpipeline.engine.deploy;

import java.time.Duration;
import java.util.List;

/**
 * The reboot cycle of a kernel patch on staging: {@code reboot} restarts a host, {@code probe}
 * succeeds once the host and its agent answer again (tried every {@code interval} until {@code
 * deadline}), and the output of {@code runningKernel} must equal that of {@code installedKernel}.
 * Every command is an argument array where {@code {host}} stands for the host.
 */
public record RebootCycle(
    List<String> reboot,
    List<String> probe,
    List<String> runningKernel,
    List<String> installedKernel,
    Duration deadline,
    Duration interval) {
  public RebootCycle {
    reboot = List.copyOf(reboot);
    probe = List.copyOf(probe);
    runningKernel = List.copyOf(runningKernel);
    installedKernel = List.copyOf(installedKernel);
  }
}
