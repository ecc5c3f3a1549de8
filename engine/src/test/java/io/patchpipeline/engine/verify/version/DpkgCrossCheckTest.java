package io.patchpipeline.engine.verify.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Compares the Debian comparator with the real {@code dpkg --compare-versions} on generated pairs.
 * Skipped where dpkg is not installed.
 */
class DpkgCrossCheckTest {
  private static final int PAIRS = 600;
  private static final String ALPHABET = "0123456789012345abcxyzAZ.+~";

  private final VersionComparator debian = VersionComparator.forEcosystem("debian");

  @Test
  void agreesWithDpkgOnGeneratedPairs() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/dpkg")),
        "Skipped: dpkg is not installed, so there is nothing to compare with");
    Random random = new Random(20_240_601L);
    List<String[]> pairs = new ArrayList<>();
    for (int i = 0; i < PAIRS; i++) {
      String left = version(random);
      String right = random.nextInt(3) == 0 ? version(random) : mutate(left, random);
      pairs.add(new String[] {left, right});
    }
    List<String> expected = askDpkg(pairs);

    assertThat(expected).hasSize(PAIRS);
    int disagreements = 0;
    for (int i = 0; i < PAIRS; i++) {
      String ours = word(debian.compare(pairs.get(i)[0], pairs.get(i)[1]));
      assertThat(ours).as("%s vs %s", pairs.get(i)[0], pairs.get(i)[1]).isEqualTo(expected.get(i));
      disagreements += ours.equals(expected.get(i)) ? 0 : 1;
    }
    assertThat(disagreements).isZero();
    assertThat(expected).contains("lt", "eq", "gt");
  }

  private static String word(int comparison) {
    return comparison < 0 ? "lt" : comparison == 0 ? "eq" : "gt";
  }

  /** Runs dpkg once per pair inside one shell, which prints lt, eq or gt per line. */
  private static List<String> askDpkg(List<String[]> pairs)
      throws IOException, InterruptedException {
    String script =
        "while read -r a b; do"
            + " if dpkg --compare-versions \"$a\" lt \"$b\"; then echo lt;"
            + " elif dpkg --compare-versions \"$a\" eq \"$b\"; then echo eq;"
            + " else echo gt; fi; done";
    Process process =
        new ProcessBuilder("sh", "-c", script)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (OutputStream in = process.getOutputStream()) {
      for (String[] pair : pairs) {
        in.write((pair[0] + " " + pair[1] + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("dpkg finished").isTrue();
    return output.lines().toList();
  }

  /**
   * Generates a valid version: optional epoch, upstream starting with a digit, optional revision.
   */
  private static String version(Random random) {
    StringBuilder text = new StringBuilder();
    if (random.nextInt(4) == 0) {
      text.append(random.nextInt(3)).append(':');
    }
    text.append(random.nextInt(12));
    text.append(chars(random, random.nextInt(7)));
    if (random.nextBoolean()) {
      text.append('-').append(random.nextInt(10)).append(chars(random, random.nextInt(6)));
    }
    return text.toString();
  }

  private static String chars(Random random, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return text.toString();
  }

  /** Changes or appends one character, keeping the version valid, so the pair differs slightly. */
  private static String mutate(String version, Random random) {
    int at = 1 + random.nextInt(Math.max(1, version.length() - 1));
    boolean startsUpstream = version.charAt(at - 1) == ':';
    if (at >= version.length() || startsUpstream || ":-".indexOf(version.charAt(at)) >= 0) {
      return version + ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    char replacement = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    return version.substring(0, at) + replacement + version.substring(at + 1);
  }
}
