package io.patchpipeline.engine.intel;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * An EPSS table in sorted primitive arrays: a packed CVE key ({@link CveIds}) and two scores in
 * fixed point (billionths) per row, 16 bytes a row, looked up by binary search without allocating
 * beyond the returned score. Scores keep nine decimal places, the precision the FIRST API returns;
 * converting the fixed-point value back yields the same {@code double} as parsing the decimal text.
 * Immutable, so it may be shared between threads.
 */
public final class PackedEpssTable implements EpssTable {
  /** The fixed-point scale: a stored value of {@code SCALE} is a score of 1.0. */
  static final double SCALE = 1e9;

  /** The stored percentile of a row whose file has no percentile column. */
  static final int NO_PERCENTILE = -1;

  private final long[] keys;
  private final int[] scores;
  private final int[] percentiles;
  private final String modelVersion;
  private final Optional<LocalDate> scoreDate;

  /** Takes ownership of the arrays, which must be sorted by key without duplicates. */
  PackedEpssTable(
      long[] keys,
      int[] scores,
      int[] percentiles,
      String modelVersion,
      Optional<LocalDate> scoreDate) {
    this.keys = keys;
    this.scores = scores;
    this.percentiles = percentiles;
    this.modelVersion = Objects.requireNonNullElse(modelVersion, "");
    this.scoreDate = scoreDate;
  }

  @Override
  public Optional<EpssScore> lookup(String cve) {
    long key = CveIds.pack(cve);
    if (key == CveIds.INVALID) {
      return Optional.empty();
    }
    int row = Arrays.binarySearch(keys, key);
    if (row < 0) {
      return Optional.empty();
    }
    int percentile = percentiles[row];
    return Optional.of(
        new EpssScore(
            scores[row] / SCALE, percentile == NO_PERCENTILE ? Double.NaN : percentile / SCALE));
  }

  @Override
  public String modelVersion() {
    return modelVersion;
  }

  @Override
  public Optional<LocalDate> scoreDate() {
    return scoreDate;
  }

  @Override
  public int size() {
    return keys.length;
  }

  /** Returns the CVE id of row {@code row}, in CVE order. */
  String cveAt(int row) {
    return CveIds.unpack(keys[row]);
  }
}
