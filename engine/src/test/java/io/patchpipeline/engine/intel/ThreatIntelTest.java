package io.patchpipeline.engine.intel;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.core.Messages;
import io.patchpipeline.engine.core.Severity;
import io.patchpipeline.engine.report.Finding;
import io.patchpipeline.engine.report.PackageRef;
import io.patchpipeline.engine.report.ScannerInfo;
import io.patchpipeline.engine.report.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Enrichment of findings with tables loaded from files, through {@link ThreatIntelLoader}. */
class ThreatIntelTest {
  @TempDir Path folder;
  private LoadedIntel loaded;

  @BeforeEach
  void load() throws IOException {
    Path epss = folder.resolve("epss.csv");
    Files.writeString(
        epss,
        "#model_version:v2025.03.14,score_date:2026-12-04T00:00:00Z\ncve,epss,percentile\n"
            + "CVE-2021-44228,0.94358,0.99957\nCVE-2021-45046,0.97,0.999\n"
            + "CVE-2023-0001,0.001,0.1\n");
    Path kev = folder.resolve("kev.json");
    Files.writeString(
        kev,
        "{\"catalogVersion\":\"2026.12.03\",\"vulnerabilities\":["
            + "{\"cveID\":\"CVE-2021-44228\",\"dueDate\":\"2021-12-24\"}]}");
    loaded =
        ThreatIntelLoader.load(
            new IntelOptions(List.of(epss), Optional.of(kev), Optional.empty(), Clock.systemUTC()),
            new Messages());
  }

  @Test
  void aliasesShareEpssAndKev() {
    Enrichment enrichment =
        loaded.intel().enrich(finding("GHSA-7rjr-3q55-vv33", "CVE-2021-45046", "CVE-2021-44228"));

    assertThat(enrichment.epssCve()).isEqualTo("CVE-2021-45046");
    assertThat(enrichment.epss().orElseThrow().epss()).isEqualTo(0.97);
    assertThat(enrichment.kevStatus()).isEqualTo(KevStatus.LISTED);
    assertThat(enrichment.kev().orElseThrow().cveId()).isEqualTo("CVE-2021-44228");
  }

  @Test
  void unscoredCveIsUnknownNotZero() {
    Enrichment enrichment = loaded.intel().enrich(finding("CVE-2024-9999"));

    assertThat(enrichment.epss()).isEmpty();
    assertThat(enrichment.kevStatus()).isEqualTo(KevStatus.NOT_LISTED);
  }

  @Test
  void findingWithoutCveIsUnknown() {
    assertThat(loaded.intel().enrich(finding("GHSA-xxxx-yyyy-zzzz"))).isEqualTo(Enrichment.UNKNOWN);
  }

  @Test
  void sourcesCiteVersionsAndFiles() {
    FeedInfo epss = loaded.sources().epss().orElseThrow();
    FeedInfo kev = loaded.sources().kev().orElseThrow();

    assertThat(epss.feed()).isEqualTo(FeedInfo.EPSS);
    assertThat(epss.version()).isEqualTo("v2025.03.14");
    assertThat(epss.entries()).isEqualTo(3);
    assertThat(epss.files()).singleElement().satisfies(f -> assertThat(f.url()).isEmpty());
    assertThat(kev.feed()).isEqualTo(FeedInfo.KEV);
    assertThat(kev.version()).isEqualTo("2026.12.03");
  }

  @Test
  void noFeedsMeansUnknownEverywhere() {
    LoadedIntel none =
        ThreatIntelLoader.load(
            new IntelOptions(List.of(), Optional.empty(), Optional.empty(), Clock.systemUTC()),
            new Messages());

    Enrichment enrichment = none.intel().enrich(finding("CVE-2021-44228"));

    assertThat(none.sources()).isEqualTo(IntelSources.NONE);
    assertThat(enrichment.epss()).isEmpty();
    assertThat(enrichment.kevStatus()).isEqualTo(KevStatus.UNKNOWN);
  }

  private static Finding finding(String id, String... aliases) {
    return new Finding(
        id,
        List.of(aliases),
        PackageRef.NONE,
        Optional.empty(),
        Target.image("nginx:1.25"),
        new ScannerInfo("trivy", "0.58.0"),
        Severity.HIGH,
        "nvd",
        List.of(),
        "",
        Optional.empty(),
        "report.json");
  }
}
