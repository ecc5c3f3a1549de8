package io.patchpipeline.engine.deploy.tool;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts recording stand-ins for command-line tools on the PATH of child processes, and scripts their
 * answers with outputs taken from the tools' documentation.
 */
final class FakeTools {
  private final Path folder;

  FakeTools(Path folder, String... names) throws IOException {
    this.folder = folder;
    byte[] script;
    try (InputStream in = FakeTools.class.getResourceAsStream("/deploy/fake-tools/fake-tool")) {
      script = in.readAllBytes();
    }
    for (String name : names) {
      Path tool = folder.resolve(name);
      Files.write(tool, script);
      Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  /** Returns a runner whose children find the fake tools first on their PATH. */
  CommandRunner runner() {
    String path =
        folder + java.io.File.pathSeparator + System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    return new LocalCommandRunner(
        Map.of("PATH", path, "FAKE_TOOL_DIR", folder.toString()), Set.of("localhost", "win1"));
  }

  /** Scripts the answer of call {@code call} (from 0) of {@code tool}. */
  void answer(String tool, int call, String output, int exitCode) throws IOException {
    Files.writeString(
        folder.resolve(tool + "." + call + ".out"), output + "\n", StandardCharsets.UTF_8);
    Files.writeString(folder.resolve(tool + "." + call + ".code"), Integer.toString(exitCode));
  }

  /** Returns the argument lists of every call of {@code tool}, without the program name. */
  List<List<String>> calls(String tool) throws IOException {
    List<List<String>> calls = new ArrayList<>();
    Path log = folder.resolve(tool + ".args");
    if (!Files.exists(log)) {
      return calls;
    }
    List<String> current = new ArrayList<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      if (line.equals("--end--")) {
        calls.add(current);
        current = new ArrayList<>();
      } else {
        current.add(line);
      }
    }
    return calls;
  }
}
