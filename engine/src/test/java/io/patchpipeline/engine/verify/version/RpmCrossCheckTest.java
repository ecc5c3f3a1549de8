package io.patchpipeline.engine.verify.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Compares the RPM comparator with rpm's own {@code rpm.vercmp} (through {@code rpm --eval} and its
 * Lua interpreter) on generated pairs. Both sides of a pair carry a release or neither does, since
 * rpm orders a missing release first while this comparator ignores it. Skipped without rpm.
 */
class RpmCrossCheckTest {
  private static final int PAIRS = 500;
  private static final String ALPHABET = "0123456789012345abcxyzAZ._+~^";

  private final VersionComparator rpm = VersionComparator.forEcosystem("rpm");

  @Test
  void agreesWithRpmOnGeneratedPairs() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/rpm")),
        "Skipped: rpm is not installed, so there is nothing to compare with");
    Random random = new Random(7_042_024L);
    List<String[]> pairs = new ArrayList<>();
    for (int i = 0; i < PAIRS; i++) {
      boolean release = random.nextBoolean();
      String left = version(random, release);
      String right = random.nextInt(3) == 0 ? version(random, release) : mutate(left, random);
      pairs.add(new String[] {left, right});
    }
    List<Integer> expected = askRpm(pairs);

    assertThat(expected).hasSize(PAIRS);
    for (int i = 0; i < PAIRS; i++) {
      assertThat(Integer.signum(rpm.compare(pairs.get(i)[0], pairs.get(i)[1])))
          .as("%s vs %s", pairs.get(i)[0], pairs.get(i)[1])
          .isEqualTo(expected.get(i));
    }
    assertThat(expected).contains(-1, 0, 1);
  }

  private static List<Integer> askRpm(List<String[]> pairs) throws Exception {
    StringBuilder lua = new StringBuilder("%{lua:");
    for (String[] pair : pairs) {
      lua.append(" print(rpm.vercmp(\"")
          .append(pair[0])
          .append("\", \"")
          .append(pair[1])
          .append("\") .. \" \")");
    }
    lua.append('}');
    Process process =
        new ProcessBuilder("rpm", "--eval", lua.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("rpm finished").isTrue();
    return Arrays.stream(output.trim().split("\\s+")).map(Integer::valueOf).toList();
  }

  private static String version(Random random, boolean release) {
    StringBuilder text = new StringBuilder();
    if (random.nextInt(4) == 0) {
      text.append(random.nextInt(3)).append(':');
    }
    text.append(random.nextInt(12)).append(chars(random, random.nextInt(7)));
    if (release) {
      text.append('-').append(random.nextInt(10)).append(chars(random, random.nextInt(5)));
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

  /** Changes or appends one character after the epoch, keeping the release separator. */
  private static String mutate(String version, Random random) {
    int at = 1 + random.nextInt(Math.max(1, version.length() - 1));
    char replacement = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    if (at >= version.length() || ":-".indexOf(version.charAt(at)) >= 0) {
      return version + replacement;
    }
    return version.substring(0, at) + replacement + version.substring(at + 1);
  }
}
