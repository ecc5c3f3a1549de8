package io.patchpipeline.engine.verify.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Assertions on a comparator that check both directions, so a lopsided answer fails too. */
final class Ordering {
  private Ordering() {}

  /** Asserts {@code left op right}, where op is one of {@code <}, {@code =} or {@code >}. */
  static void assertOrder(VersionComparator comparator, String left, String op, String right) {
    int expected =
        switch (op) {
          case "<" -> -1;
          case "=" -> 0;
          case ">" -> 1;
          default -> throw new IllegalArgumentException("Unknown operator " + op);
        };
    assertThat(Integer.signum(comparator.compare(left, right)))
        .as("%s %s %s", left, op, right)
        .isEqualTo(expected);
    assertThat(Integer.signum(comparator.compare(right, left)))
        .as("reversed: %s %s %s", right, op, left)
        .isEqualTo(-expected);
  }

  /** Asserts that every earlier entry of {@code ascending} sorts before every later one. */
  static void assertAscending(VersionComparator comparator, List<String> ascending) {
    for (int i = 0; i < ascending.size(); i++) {
      for (int j = i + 1; j < ascending.size(); j++) {
        assertOrder(comparator, ascending.get(i), "<", ascending.get(j));
      }
    }
  }
}
