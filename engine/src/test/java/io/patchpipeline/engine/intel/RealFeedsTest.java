package io.patchpipeline.engine.intel;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.core.Hashing;
import io.patchpipeline.engine.core.Messages;
import io.patchpipeline.engine.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Loads every real EPSS and KEV file of the shared data folder. The expected figures were counted
 * with python3 and grep on the same files; counts that can be derived here are derived here.
 */
class RealFeedsTest {
  private static final String LOG4SHELL = "CVE-2021-44228";

  @Test
  void everyEpssFormatVariantLoads() throws IOException {
    for (Path file : SharedData.files("intel/epss/format-variants")) {
      LoadedFeed<EpssTable> loaded = EpssLoader.load(file);

      assertThat(loaded.data().size()).as(file.toString()).isEqualTo(dataRows(file));
      assertThat(loaded.data().lookup("CVE-2020-5902")).as(file.toString()).isPresent();
      assertThat(loaded.data().lookup("CVE-2018-19571")).as(file.toString()).isPresent();
      assertThat(loaded.info().files().get(0).sha256()).isEqualTo(Hashing.sha256(file));
    }
  }

  @Test
  void epssLayoutOf2021HasNoPercentile() {
    EpssTable table = load("intel/epss/format-variants", "epss_scores-2021-04-14.csv.gz");

    assertThat(table.lookup("CVE-2020-5902").orElseThrow().epss()).isEqualTo(0.65117);
    assertThat(table.lookup("CVE-2020-5902").orElseThrow().hasPercentile()).isFalse();
    assertThat(table.scoreDate()).contains(LocalDate.of(2021, 4, 14));
    assertThat(table.modelVersion()).isEmpty();
  }

  @Test
  void epssLayoutOf2023HasModelLine() {
    EpssTable table = load("intel/epss/format-variants", "epss_scores-2023-03-07.csv.gz");

    assertThat(table.modelVersion()).isEqualTo("v2023.03.01");
    assertThat(table.scoreDate()).contains(LocalDate.of(2023, 3, 7));
    assertThat(table.lookup("CVE-2018-19571")).contains(new EpssScore(0.00113, 0.43131));
  }

  @Test
  void epssApiElementLoads() {
    EpssTable table = load("intel/epss/api-element", "CVE-2021-44228_EPSS.json");

    assertThat(table.size()).isEqualTo(1);
    assertThat(table.lookup(LOG4SHELL)).contains(new EpssScore(0.97562, 0.99998));
    assertThat(table.scoreDate()).contains(LocalDate.of(2024, 3, 27));
  }

  @Test
  void fullEpssScoreSetMergesAcrossYearFiles() throws IOException {
    List<Path> files = SharedData.files("intel/epss/emba-full-2026-08-16");
    long rows = 0;
    for (Path file : files) {
      rows += dataRows(file);
    }

    LoadedFeed<EpssTable> loaded = EpssLoader.load(files);

    assertThat(rows).isEqualTo(360_142);
    assertThat(loaded.data().size()).isEqualTo(rows);
    assertThat(loaded.info().files()).hasSize(files.size());
    assertThat(loaded.data().lookup(LOG4SHELL)).contains(new EpssScore(0.99999, 1.0));
    assertThat(loaded.data().lookup("CVE-2021-47987")).contains(new EpssScore(0.0012, 0.02168));
    assertThat(loaded.data().lookup("CVE-2099-0001")).isEmpty();
  }

  @Test
  void kevJsonCatalogLoads() {
    LoadedFeed<KevCatalog> loaded = loadKev("known_exploited_vulnerabilities.json");
    KevCatalog kev = loaded.data();

    assertThat(kev.size()).isEqualTo(1404);
    assertThat(kev.catalogVersion()).isEqualTo("2025.08.25");
    assertThat(kev.dateReleased()).contains(LocalDate.of(2025, 8, 25));
    KevEntry log4shell = kev.lookup(LOG4SHELL).orElseThrow();
    assertThat(log4shell.vendor()).isEqualTo("Apache");
    assertThat(log4shell.product()).isEqualTo("Log4j2");
    assertThat(log4shell.dateAdded()).contains(LocalDate.of(2021, 12, 10));
    assertThat(log4shell.dueDate()).contains(LocalDate.of(2021, 12, 24));
    assertThat(log4shell.knownRansomwareUse()).isTrue();
    assertThat(loaded.info().note()).isEmpty();
  }

  @Test
  void olderKevCatalogLoads() {
    KevCatalog kev = loadKev("known_exploited_vulnerabilities_2025-05-06.json").data();

    assertThat(kev.size()).isEqualTo(1333);
    assertThat(kev.catalogVersion()).isEqualTo("2025.05.06");
    assertThat(kev.lookup("CVE-2025-48384")).isEmpty();
    assertThat(ransomwareCount(kev, "known_exploited_vulnerabilities_2025-05-06.json"))
        .isEqualTo(261);
  }

  @Test
  void kevCsvMatchesJsonEntryForEntry() {
    Messages messages = new Messages();
    LoadedFeed<KevCatalog> csv =
        KevLoader.load(kevFile("known_exploited_vulnerabilities.csv"), messages);
    KevCatalog json = loadKev("known_exploited_vulnerabilities.json").data();

    assertThat(csv.data().size()).isEqualTo(json.size());
    assertThat(csv.data().catalogVersion()).isEqualTo("2025.08.25");
    assertThat(csv.info().note()).isEqualTo(KevCsvReader.DERIVED_VERSION_NOTE);
    assertThat(messages.list()).isEmpty();
    for (KevEntry entry : ((KevTable) json).entries()) {
      assertThat(csv.data().lookup(entry.cveId())).as(entry.cveId()).contains(entry);
    }
    assertThat(ransomwareCount(csv.data(), "known_exploited_vulnerabilities.csv")).isEqualTo(293);
  }

  @Test
  void kevSchemaFileIsNotACatalog() {
    Path schema = kevFile("known_exploited_vulnerabilities_schema.json");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> KevLoader.load(schema, new Messages()))
        .hasMessageContaining("no vulnerabilities array found");
  }

  private static long ransomwareCount(KevCatalog kev, String name) {
    return ((KevTable) kev).entries().stream().filter(KevEntry::knownRansomwareUse).count();
  }

  private static EpssTable load(String folder, String name) {
    return EpssLoader.load(SharedData.folder().resolve(folder).resolve(name)).data();
  }

  private static LoadedFeed<KevCatalog> loadKev(String name) {
    return KevLoader.load(kevFile(name), new Messages());
  }

  private static Path kevFile(String name) {
    return SharedData.folder().resolve("intel/kev").resolve(name);
  }

  /** Counts the lines that start with a CVE id, independently of the loader. */
  private static long dataRows(Path file) throws IOException {
    try (InputStream raw = Files.newInputStream(file)) {
      byte[] bytes = raw.readAllBytes();
      if (bytes.length > 1 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
        try (InputStream unpacked = new GZIPInputStream(Files.newInputStream(file))) {
          bytes = unpacked.readAllBytes();
        }
      }
      return new String(bytes, StandardCharsets.UTF_8)
          .lines()
          .filter(line -> line.startsWith("CVE-"))
          .count();
    }
  }
}
