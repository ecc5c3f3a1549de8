package io.patchpipeline.engine.intel;

/**
 * CVE ids packed into a {@code long} as {@code year * 10^8 + number}, so that feed tables can keep
 * them in sorted primitive arrays instead of a map of strings. The packing is order-preserving:
 * keys sort by year, then by number.
 */
public final class CveIds {
  /** The key of a text that is not a CVE id. */
  public static final long INVALID = -1;

  private static final long YEAR_FACTOR = 100_000_000L;
  private static final int PREFIX_LENGTH = 4;
  private static final int NUMBER_START = 9;
  private static final int MIN_NUMBER_DIGITS = 4;
  private static final int MAX_NUMBER_DIGITS = 8;

  private CveIds() {}

  /**
   * Packs {@code CVE-YYYY-NNNN} (prefix case-insensitive, four to eight number digits) into its
   * key, or returns {@link #INVALID}. Leading zeros beyond the four-digit minimum are not
   * significant.
   */
  public static long pack(CharSequence id) {
    return pack(id, 0, id == null ? 0 : id.length());
  }

  /** Packs the CVE id found in {@code text} between {@code start} and {@code end}. */
  public static long pack(CharSequence text, int start, int end) {
    int length = end - start;
    if (text == null
        || length < NUMBER_START + MIN_NUMBER_DIGITS
        || length > NUMBER_START + MAX_NUMBER_DIGITS
        || !hasPrefix(text, start)
        || text.charAt(start + 8) != '-') {
      return INVALID;
    }
    long year = digits(text, start + PREFIX_LENGTH, start + 8);
    long number = digits(text, start + NUMBER_START, end);
    if (year < 0 || number < 0) {
      return INVALID;
    }
    return year * YEAR_FACTOR + number;
  }

  /** Returns the CVE id of {@code key}, with the number padded to four digits. */
  public static String unpack(long key) {
    long year = key / YEAR_FACTOR;
    long number = key % YEAR_FACTOR;
    return String.format(java.util.Locale.ROOT, "CVE-%04d-%04d", year, number);
  }

  private static boolean hasPrefix(CharSequence text, int start) {
    return (text.charAt(start) | 0x20) == 'c'
        && (text.charAt(start + 1) | 0x20) == 'v'
        && (text.charAt(start + 2) | 0x20) == 'e'
        && text.charAt(start + 3) == '-';
  }

  private static long digits(CharSequence text, int start, int end) {
    long value = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
