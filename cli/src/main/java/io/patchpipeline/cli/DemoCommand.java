package io.patchpipeline.cli;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.service.DetectOptions;
import io.patchpipeline.engine.service.DetectResult;
import io.patchpipeline.engine.service.DetectService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code patch-pipeline demo}: copies the bundled example (reports, KEV and EPSS excerpts,
 * inventory, policy) into a folder and runs the pipeline on it with the embedded defaults, so it
 * needs no server and no credentials.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Run Patch Pipeline end to end on the bundled example data.")
final class DemoCommand implements Callable<Integer> {
  /** Classpath folder of the example, with index.txt listing its files. */
  static final String RESOURCE_ROOT = "/demo/";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      defaultValue = "patch-pipeline-demo",
      description =
          "Folder to copy the example into and write results to. Default: ${DEFAULT-VALUE}.")
  Path dir;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<String> files = extract(dir);
    out.println("== Patch Pipeline demo in " + dir + " (" + files.size() + " example files)");
    out.println();
    out.println("== 1 Detect: read the scanner reports, enrich with KEV and EPSS, prioritize");
    DetectResult detect = new DetectService().run(detectOptions(dir), (file, n) -> {});
    SummaryPrinter.print(detect, out);
    out.println("Record written to " + dir.resolve("record.json"));
    out.flush();
    return ExitCodes.OK;
  }

  static DetectOptions detectOptions(Path dir) {
    return DetectOptions.builder(dir.toAbsolutePath())
        .reports(List.of("scans/*"))
        .kev("feeds/known_exploited_vulnerabilities.json")
        .epss("feeds/epss_scores.csv")
        .inventory("inventory.yaml")
        .policy("patch-policy.yaml")
        .recordOut(Path.of("record.json"))
        .build();
  }

  /** Copies the example out of the jar; returns the files written, relative to {@code dir}. */
  static List<String> extract(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (InputStream index = DemoCommand.class.getResourceAsStream(RESOURCE_ROOT + "index.txt")) {
      if (index == null) {
        throw new InputException("demo", "", "the example data is missing from this build");
      }
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          names.add(line.trim());
        }
      }
    }
    for (String name : names) {
      Path target = dir.resolve(name).toAbsolutePath().normalize();
      Path folder = target.getParent();
      if (folder != null) {
        Files.createDirectories(folder);
      }
      try (InputStream in = DemoCommand.class.getResourceAsStream(RESOURCE_ROOT + name)) {
        if (in == null) {
          throw new InputException(
              "demo/" + name, "", "example file listed in index.txt is missing");
        }
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return names;
  }
}
