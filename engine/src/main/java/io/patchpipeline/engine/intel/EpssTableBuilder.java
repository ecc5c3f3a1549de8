package io.patchpipeline.engine.intel;

import io.patchpipeline.engine.core.InputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Collects EPSS rows from one or more files and sorts them into a {@link PackedEpssTable}. The line
 * of each row is kept until the table is built, so that a CVE listed twice is reported with both
 * places.
 */
final class EpssTableBuilder {
  /** Rows are sorted by a composite of key and row index; the index takes the low 23 bits. */
  private static final int INDEX_BITS = 23;

  static final int MAX_ROWS = 1 << INDEX_BITS;

  private static final int INITIAL_CAPACITY = 1024;

  private long[] keys = new long[INITIAL_CAPACITY];
  private int[] scores = new int[INITIAL_CAPACITY];
  private int[] percentiles = new int[INITIAL_CAPACITY];
  private int[] lines = new int[INITIAL_CAPACITY];
  private final List<String> files = new ArrayList<>();
  private final List<Integer> fileStarts = new ArrayList<>();
  private int size;
  private String modelVersion = "";
  private Optional<LocalDate> scoreDate = Optional.empty();

  /** Starts the rows of the next file. */
  void startFile(String file) {
    files.add(file);
    fileStarts.add(size);
  }

  /** Records the model version and score date, keeping the first ones met across files. */
  void describe(String version, Optional<LocalDate> date) {
    if (modelVersion.isEmpty() && version != null) {
      modelVersion = version;
    }
    if (scoreDate.isEmpty()) {
      scoreDate = date;
    }
  }

  boolean hasScoreDate() {
    return scoreDate.isPresent();
  }

  void add(long key, int score, int percentile, int line) {
    if (size == MAX_ROWS) {
      throw new InputException(
          currentFile(),
          "line " + line,
          "more than " + MAX_ROWS + " EPSS rows; expected a table of one day's scores");
    }
    if (size == keys.length) {
      grow();
    }
    keys[size] = key;
    scores[size] = score;
    percentiles[size] = percentile;
    lines[size] = line;
    size++;
  }

  int size() {
    return size;
  }

  PackedEpssTable build() {
    long[] order = new long[size];
    for (int i = 0; i < size; i++) {
      order[i] = keys[i] << INDEX_BITS | i;
    }
    Arrays.sort(order);
    long[] sortedKeys = new long[size];
    int[] sortedScores = new int[size];
    int[] sortedPercentiles = new int[size];
    for (int i = 0; i < size; i++) {
      int row = (int) (order[i] & (MAX_ROWS - 1));
      sortedKeys[i] = keys[row];
      sortedScores[i] = scores[row];
      sortedPercentiles[i] = percentiles[row];
      if (i > 0 && sortedKeys[i] == sortedKeys[i - 1]) {
        rejectDuplicate((int) (order[i - 1] & (MAX_ROWS - 1)), row);
      }
    }
    return new PackedEpssTable(
        sortedKeys, sortedScores, sortedPercentiles, modelVersion, scoreDate);
  }

  private void rejectDuplicate(int first, int second) {
    throw new InputException(
        fileOf(second),
        "line " + lines[second],
        CveIds.unpack(keys[second])
            + " is listed a second time (first at "
            + fileOf(first)
            + " line "
            + lines[first]
            + "); expected one score per CVE");
  }

  private String currentFile() {
    return files.isEmpty() ? "" : files.get(files.size() - 1);
  }

  private String fileOf(int row) {
    for (int i = fileStarts.size() - 1; i >= 0; i--) {
      if (fileStarts.get(i) <= row) {
        return files.get(i);
      }
    }
    return "";
  }

  private void grow() {
    int capacity = Math.min(MAX_ROWS, keys.length * 2);
    keys = Arrays.copyOf(keys, capacity);
    scores = Arrays.copyOf(scores, capacity);
    percentiles = Arrays.copyOf(percentiles, capacity);
    lines = Arrays.copyOf(lines, capacity);
  }
}
