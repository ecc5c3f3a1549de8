package io.patchpipeline.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.intel.ThreatIntel;
import io.patchpipeline.engine.report.FileReportInput;
import io.patchpipeline.engine.report.Finding;
import io.patchpipeline.engine.report.FindingSink;
import io.patchpipeline.engine.report.ReportReader;
import io.patchpipeline.engine.service.DetectOptions;
import io.patchpipeline.engine.service.DetectResult;
import io.patchpipeline.engine.service.DetectService;
import io.patchpipeline.engine.service.Sources;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measures Detect on a generated Trivy report: a bare Jackson token scan of the file, parse plus
 * enrichment, and the whole Detect run with the record written. Run it through bench/run.sh, which
 * limits the JVM to one core and a 256 MB heap; docs/benchmarks.md records results.
 */
public final class DetectBenchmark {
  private static final int WARMUP = 2;
  private static final int RUNS = 5;
  private static final PrintStream OUT = System.out;

  private DetectBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    int findings = Integer.parseInt(args[1]);
    int epssRows = Integer.parseInt(args[2]);
    Path report = work.resolve("trivy-bench.json");
    Path epss = work.resolve("epss.csv");
    Path kev = work.resolve("kev.json");
    Generators.trivyReport(report, findings);
    Generators.epssCsv(epss, epssRows, findings);
    Generators.kevJson(kev, findings);
    OUT.printf(
        Locale.ROOT,
        "Report: %,d findings, %,d bytes; EPSS: %,d rows; KEV: %,d entries; Java %s, %d core(s), max heap %d MB%n",
        findings,
        Files.size(report),
        epssRows,
        Generators.KEV_ENTRIES,
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / (1024 * 1024));

    DetectOptions options =
        DetectOptions.builder(work)
            .reports(List.of(report.getFileName().toString()))
            .epss(epss.getFileName().toString())
            .kev(kev.getFileName().toString())
            .recordOut(Path.of("record.json"))
            .build();
    ThreatIntel intel =
        Sources.intel(options, new ArrayList<>(), new io.patchpipeline.engine.core.Messages());

    double scan = median(() -> tokenScan(report));
    double parseEnrich = median(() -> parseAndEnrich(report, intel));
    resetPeaks();
    double detect = median(() -> detect(options));
    long peak = peakHeap();

    OUT.println();
    OUT.println("| measurement | median of " + RUNS + " runs | findings per second |");
    OUT.println("| --- | --- | --- |");
    row("Jackson token scan (no model)", scan, findings);
    row("parse + enrichment", parseEnrich, findings);
    row("whole detect, record written", detect, findings);
    OUT.printf(
        Locale.ROOT,
        "%nparse + enrichment takes %.2fx the time of a bare token scan%n",
        parseEnrich / scan);
    OUT.printf(
        Locale.ROOT,
        "peak heap during whole detect runs: %d MB (limit 256 MB)%n",
        peak / (1024 * 1024));
  }

  private static void row(String name, double seconds, int findings) {
    OUT.printf(Locale.ROOT, "| %s | %.3f s | %,.0f |%n", name, seconds, findings / seconds);
  }

  private static long tokenScan(Path report) throws IOException {
    long tokens = 0;
    try (InputStream in = Files.newInputStream(report);
        JsonParser parser = Json.factory().createParser(in)) {
      while (parser.nextToken() != null) {
        tokens++;
      }
    }
    return tokens;
  }

  private static long parseAndEnrich(Path report, ThreatIntel intel) throws IOException {
    long[] count = {0};
    FindingSink sink =
        new FindingSink() {
          @Override
          public void accept(Finding finding) {
            if (intel.enrich(finding) != null) {
              count[0]++;
            }
          }
        };
    ReportReader.withAllFormats().read(FileReportInput.of(report), sink);
    return count[0];
  }

  private static long detect(DetectOptions options) throws IOException {
    DetectResult result = new DetectService().run(options);
    return result.record().findings().size();
  }

  /** A measured step; its result is checked so the JIT cannot drop the work. */
  @FunctionalInterface
  interface Step {
    long run() throws IOException;
  }

  private static double median(Step step) throws IOException {
    for (int i = 0; i < WARMUP; i++) {
      check(step.run());
    }
    List<Double> seconds = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      check(step.run());
      seconds.add((System.nanoTime() - start) / 1e9);
    }
    Collections.sort(seconds);
    return seconds.get(RUNS / 2);
  }

  private static void check(long result) {
    if (result <= 0) {
      throw new IllegalStateException("a benchmark step produced nothing");
    }
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  /** Writers of the generated inputs. */
  static final class Generators {
    static final int KEV_ENTRIES = 1_500;

    private Generators() {}

    /** CVE number of finding {@code i}; findings share packages ten at a time. */
    static String cve(int i) {
      return "CVE-" + (2015 + i % 11) + "-" + (10_000 + i);
    }

    static void trivyReport(Path file, int findings) throws IOException {
      try (OutputStream out = Files.newOutputStream(file);
          JsonGenerator json = Json.factory().createGenerator(out)) {
        json.writeStartObject();
        json.writeNumberField("SchemaVersion", 2);
        json.writeStringField("ArtifactName", "registry.example.com/bench/app:1.0");
        json.writeStringField("ArtifactType", "container_image");
        json.writeArrayFieldStart("Results");
        json.writeStartObject();
        json.writeStringField("Target", "registry.example.com/bench/app:1.0 (debian 12.5)");
        json.writeStringField("Class", "os-pkgs");
        json.writeStringField("Type", "debian");
        json.writeArrayFieldStart("Vulnerabilities");
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < findings; i++) {
          writeVulnerability(json, i, random);
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
      }
    }

    private static void writeVulnerability(JsonGenerator json, int i, SplittableRandom random)
        throws IOException {
      String pkg = "pkg-" + (i / 10);
      double score = Math.round(random.nextDouble(1.0, 10.0) * 10) / 10.0;
      json.writeStartObject();
      json.writeStringField("VulnerabilityID", cve(i));
      json.writeStringField("PkgName", pkg);
      json.writeObjectFieldStart("PkgIdentifier");
      json.writeStringField(
          "PURL", "pkg:deb/debian/" + pkg + "@1.2." + (i % 7) + "?distro=debian-12.5");
      json.writeEndObject();
      json.writeStringField("InstalledVersion", "1.2." + (i % 7));
      json.writeStringField("FixedVersion", "1.2." + (i % 7 + 1));
      json.writeStringField("Status", "fixed");
      json.writeStringField("SeveritySource", "nvd");
      json.writeStringField(
          "PrimaryURL", "https://avd.aquasec.com/nvd/" + cve(i).toLowerCase(Locale.ROOT));
      json.writeStringField("Title", pkg + ": generated vulnerability " + i);
      json.writeStringField(
          "Description", "Generated for the benchmark; not a real vulnerability.");
      json.writeStringField("Severity", score >= 9 ? "CRITICAL" : score >= 7 ? "HIGH" : "MEDIUM");
      json.writeObjectFieldStart("CVSS");
      json.writeObjectFieldStart("nvd");
      json.writeStringField("V3Vector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
      json.writeNumberField("V3Score", score);
      json.writeEndObject();
      json.writeEndObject();
      json.writeStringField("PublishedDate", "2024-01-15T10:00:00Z");
      json.writeEndObject();
    }

    /** Writes {@code rows} EPSS rows that cover every CVE of the report and then some. */
    static void epssCsv(Path file, int rows, int findings) throws IOException {
      SplittableRandom random = new SplittableRandom(7);
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        out.write("#model_version:v2025.03.14,score_date:2026-12-01T00:00:00+0000\n");
        out.write("cve,epss,percentile\n");
        for (int i = 0; i < rows; i++) {
          String cve = i < findings ? cve(i) : "CVE-1999-" + (100_000 + i);
          out.write(
              String.format(
                  Locale.ROOT,
                  "%s,%.5f,%.5f%n",
                  cve,
                  random.nextDouble(0.0, 1.0),
                  random.nextDouble(0.0, 1.0)));
        }
      }
    }

    static void kevJson(Path file, int findings) throws IOException {
      try (OutputStream out = Files.newOutputStream(file);
          JsonGenerator json = Json.factory().createGenerator(out)) {
        json.writeStartObject();
        json.writeStringField("title", "CISA Catalog of Known Exploited Vulnerabilities");
        json.writeStringField("catalogVersion", "2026.12.01");
        json.writeStringField("dateReleased", "2026-12-01T15:00:00.000Z");
        json.writeNumberField("count", KEV_ENTRIES);
        json.writeArrayFieldStart("vulnerabilities");
        for (int i = 0; i < KEV_ENTRIES; i++) {
          json.writeStartObject();
          json.writeStringField("cveID", cve(i * Math.max(1, findings / KEV_ENTRIES)));
          json.writeStringField("vendorProject", "Example");
          json.writeStringField("product", "Product " + i);
          json.writeStringField("vulnerabilityName", "Generated entry " + i);
          json.writeStringField("dateAdded", "2026-01-01");
          json.writeStringField("shortDescription", "Generated for the benchmark.");
          json.writeStringField("requiredAction", "Apply updates per vendor instructions.");
          json.writeStringField("dueDate", "2026-01-22");
          json.writeStringField("knownRansomwareCampaignUse", i % 10 == 0 ? "Known" : "Unknown");
          json.writeStringField("notes", "");
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
      }
    }
  }
}
