package io.patchpipeline.engine.deploy.tool;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A command to start as an argument array, never through a shell.
 *
 * @param host the machine the command must run on, or empty for the machine running the rollout; a
 *     {@link CommandRunner} that cannot reach that machine rejects the command
 * @param environment variables added to the inherited environment
 * @param secretEnvironment variables whose values are secrets: passed to the process, never shown
 */
public record Command(
    List<String> arguments,
    Map<String, String> environment,
    Map<String, String> secretEnvironment,
    Optional<Path> directory,
    Duration timeout,
    Optional<String> host) {
  public Command {
    arguments = List.copyOf(arguments);
    environment = Map.copyOf(environment);
    secretEnvironment = Map.copyOf(secretEnvironment);
  }

  public static Command of(List<String> arguments, Duration timeout) {
    return new Command(arguments, Map.of(), Map.of(), Optional.empty(), timeout, Optional.empty());
  }

  public Command withEnvironment(Map<String, String> more) {
    Map<String, String> merged = new java.util.LinkedHashMap<>(environment);
    merged.putAll(more);
    return new Command(arguments, merged, secretEnvironment, directory, timeout, host);
  }

  public Command onHost(String name) {
    return new Command(
        arguments, environment, secretEnvironment, directory, timeout, Optional.of(name));
  }

  /** Returns the command for a log line: arguments separated by spaces, secrets left out. */
  public String display() {
    StringBuilder text = new StringBuilder();
    host.ifPresent(name -> text.append('[').append(name).append("] "));
    for (String argument : arguments) {
      if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
        text.append(' ');
      }
      boolean plain = argument.matches("[A-Za-z0-9_@%+=:,./\\-]+");
      text.append(plain ? argument : "'" + argument.replace("'", "'\\''") + "'");
    }
    return text.toString();
  }
}
