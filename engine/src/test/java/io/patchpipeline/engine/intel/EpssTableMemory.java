package io.patchpipeline.engine.intel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Prints the retained heap of a generated 300,000-row EPSS table and its lookup rate. A program,
 * not a test, because measured figures are reported, never asserted; run it as described in
 * docs/threat-data.md.
 */
public final class EpssTableMemory {
  private static final int ROWS = 300_000;
  private static final int LOOKUPS = 2_000_000;

  private EpssTableMemory() {}

  public static void main(String[] args) throws IOException {
    Path file = Files.createTempFile("epss_scores-", ".csv.gz");
    try {
      writeTable(file);
      long before = usedAfterGc();
      EpssTable table = EpssLoader.load(file).data();
      long after = usedAfterGc();
      System.out.printf(
          Locale.ROOT,
          "EPSS table: %,d rows, %,d bytes gzip, retained heap %.1f MiB (%.1f bytes a row)%n",
          table.size(),
          Files.size(file),
          (after - before) / 1048576.0,
          (after - before) / (double) table.size());
      measureLookups(table);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Writes rows shaped like FIRST's: years 1999 to 2026, numbers of four to seven digits. */
  private static void writeTable(Path file) throws IOException {
    Random random = new Random(42);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      writer.write("#model_version:v2025.03.14,score_date:2026-12-04T00:00:00Z\n");
      writer.write("cve,epss,percentile\n");
      for (int i = 0; i < ROWS; i++) {
        int year = 1999 + i % 28;
        int number = 1000 + i / 28 * 7 + random.nextInt(7);
        writer.write(
            String.format(
                Locale.ROOT,
                "CVE-%d-%04d,%.5f,%.5f%n",
                year,
                number,
                random.nextDouble(),
                random.nextDouble()));
      }
    }
  }

  private static void measureLookups(EpssTable table) {
    String[] ids = new String[1024];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = String.format(Locale.ROOT, "CVE-%d-%04d", 1999 + i % 28, 1000 + i * 37);
    }
    long found = 0;
    long start = System.nanoTime();
    for (int i = 0; i < LOOKUPS; i++) {
      found += table.lookup(ids[i & 1023]).isPresent() ? 1 : 0;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "Lookups: %,d in %.2f s, %,.0f per second (%d found)%n",
        LOOKUPS,
        seconds,
        LOOKUPS / seconds,
        found);
  }

  private static long usedAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 5; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
