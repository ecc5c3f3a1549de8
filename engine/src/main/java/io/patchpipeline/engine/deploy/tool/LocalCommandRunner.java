package io.patchpipeline.engine.deploy.tool;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands on this machine with {@link ProcessBuilder}. Commands bound to a host run here only
 * when that host is one of {@code localNames}; any other host needs a runner that reaches it.
 */
public final class LocalCommandRunner implements CommandRunner {
  /** Keeps the last 256 KiB of output: enough for Ansible's stats and a useful error. */
  private static final int MAX_OUTPUT = 256 * 1024;

  private final Map<String, String> baseEnvironment;
  private final Set<String> localNames;
  private final Set<String> withheld;

  /**
   * @param baseEnvironment variables set on every command, such as a {@code PATH} with the tools
   * @param localNames host names that mean this machine, such as {@code localhost}
   */
  public LocalCommandRunner(Map<String, String> baseEnvironment, Set<String> localNames) {
    this(baseEnvironment, localNames, Set.of());
  }

  private LocalCommandRunner(
      Map<String, String> baseEnvironment, Set<String> localNames, Set<String> withheld) {
    this.baseEnvironment = Map.copyOf(baseEnvironment);
    this.localNames = Set.copyOf(localNames);
    this.withheld = Set.copyOf(withheld);
  }

  /**
   * Returns a runner whose commands do not inherit the variables {@code names} from this process,
   * such as the ones that hold a ticket system's token, so that a playbook, smoke test or health
   * command cannot read them. A command's own environment is still set.
   */
  public LocalCommandRunner withoutVariables(java.util.Collection<String> names) {
    Set<String> all = new java.util.HashSet<>(withheld);
    all.addAll(names);
    return new LocalCommandRunner(baseEnvironment, localNames, all);
  }

  public LocalCommandRunner() {
    this(Map.of(), Set.of("localhost", "127.0.0.1"));
  }

  @Override
  public CommandResult run(Command command) throws IOException, InterruptedException {
    if (command.host().isPresent() && !localNames.contains(command.host().get())) {
      throw new IOException(
          "Cannot run '"
              + command.arguments().get(0)
              + "' on host "
              + command.host().get()
              + ": this runner reaches only "
              + localNames
              + "; run the deployment on that host itself");
    }
    Process process = start(command);
    process.getOutputStream().close();
    OutputTail tail = new OutputTail(process.getInputStream());
    Thread reader = new Thread(tail, "output of " + command.arguments().get(0));
    reader.setDaemon(true);
    reader.start();
    try {
      boolean ended = process.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS);
      if (!ended) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        reader.join(2_000);
        return new CommandResult(-1, tail.text(), true);
      }
      reader.join(10_000);
      return new CommandResult(process.exitValue(), tail.text(), false);
    } catch (InterruptedException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw e;
    }
  }

  private Process start(Command command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder().redirectErrorStream(true);
    builder.environment().keySet().removeAll(withheld);
    builder.environment().putAll(baseEnvironment);
    builder.environment().putAll(command.environment());
    builder.environment().putAll(command.secretEnvironment());
    List<String> arguments = new ArrayList<>(command.arguments());
    arguments.set(0, resolve(arguments.get(0), builder.environment().get("PATH")));
    builder.command(arguments);
    command.directory().ifPresent(folder -> builder.directory(folder.toFile()));
    return builder.start();
  }

  /**
   * Finds a bare program name on the {@code PATH} given to the child: {@link ProcessBuilder} would
   * search the PATH of this JVM instead.
   */
  static String resolve(String program, String path) {
    if (program.contains("/") || path == null) {
      return program;
    }
    for (String folder : path.split(File.pathSeparator)) {
      if (!folder.isEmpty()) {
        Path candidate = Path.of(folder, program);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return candidate.toString();
        }
      }
    }
    return program;
  }

  /** Reads a process's output, keeping only its last {@link #MAX_OUTPUT} bytes. */
  private static final class OutputTail implements Runnable {
    private final InputStream in;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

    OutputTail(InputStream in) {
      this.in = in;
    }

    @Override
    public void run() {
      byte[] buffer = new byte[8192];
      try (in) {
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
          append(buffer, read);
        }
      } catch (IOException e) {
        // The process was killed or closed its output; what was read so far is kept.
      }
    }

    private synchronized void append(byte[] buffer, int length) {
      kept.write(buffer, 0, length);
      if (kept.size() > 2 * MAX_OUTPUT) {
        byte[] all = kept.toByteArray();
        kept.reset();
        kept.write(all, all.length - MAX_OUTPUT, MAX_OUTPUT);
      }
    }

    synchronized String text() {
      byte[] all = kept.toByteArray();
      int start = Math.max(0, all.length - MAX_OUTPUT);
      return new String(all, start, all.length - start, StandardCharsets.UTF_8);
    }
  }
}
