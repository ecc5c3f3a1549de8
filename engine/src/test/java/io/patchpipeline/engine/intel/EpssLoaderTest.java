package io.patchpipeline.engine.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.core.Hashing;
import io.patchpipeline.engine.core.InputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EpssLoaderTest {
  @TempDir Path folder;

  @Test
  void currentLayoutWithModelLine() throws IOException {
    Path file =
        write(
            "epss.csv",
            "#model_version:v2025.03.14,score_date:2025-03-14T00:00:00+0000\n"
                + "cve,epss,percentile\n"
                + "CVE-2021-44228,0.94358,0.99957\n"
                + "CVE-1999-0001,0.0142,0.79763\n");

    LoadedFeed<EpssTable> loaded = EpssLoader.load(file);
    EpssTable table = loaded.data();

    assertThat(table.size()).isEqualTo(2);
    assertThat(table.modelVersion()).isEqualTo("v2025.03.14");
    assertThat(table.scoreDate()).contains(LocalDate.of(2025, 3, 14));
    assertThat(table.lookup("CVE-2021-44228")).contains(new EpssScore(0.94358, 0.99957));
    assertThat(table.lookup("CVE-1999-0001")).contains(new EpssScore(0.0142, 0.79763));
    assertThat(loaded.info().files()).hasSize(1);
    assertThat(loaded.info().files().get(0).sha256()).isEqualTo(Hashing.sha256(file));
    assertThat(loaded.info().note()).isEmpty();
  }

  @Test
  void endlessLineInGzipIsRejected() throws IOException {
    Path file = folder.resolve("bomb.csv.gz");
    try (java.io.OutputStream out =
        new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(file))) {
      out.write("cve,epss,percentile\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      byte[] junk = new byte[64 * 1024];
      java.util.Arrays.fill(junk, (byte) 'x');
      for (int i = 0; i < 64; i++) {
        out.write(junk);
      }
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> EpssLoader.load(file))
        .isInstanceOf(io.patchpipeline.engine.core.InputException.class)
        .hasMessageContaining("bomb.csv.gz (line 2)")
        .hasMessageContaining("longer than");
  }

  @Test
  void missingCveIsEmptyNotZero() throws IOException {
    EpssTable table =
        EpssLoader.load(write("epss.csv", "cve,epss,percentile\nCVE-2021-44228,0.9,0.99\n")).data();

    assertThat(table.lookup("CVE-2021-44229")).isEmpty();
    assertThat(table.lookup("GHSA-jfh8-c2jp-5v3q")).isEmpty();
    assertThat(table.lookup("")).isEmpty();
  }

  @Test
  void twoColumnLayoutHasUnknownPercentile() throws IOException {
    EpssTable table =
        EpssLoader.load(write("epss_scores-2021-04-14.csv", "cve,epss\nCVE-2020-5902,0.65117\n"))
            .data();

    EpssScore score = table.lookup("CVE-2020-5902").orElseThrow();
    assertThat(score.epss()).isEqualTo(0.65117);
    assertThat(score.hasPercentile()).isFalse();
    assertThat(score.percentile()).isNaN();
  }

  @Test
  void scoreDateFromFileName() throws IOException {
    LoadedFeed<EpssTable> loaded =
        EpssLoader.load(write("epss_scores-2021-09-01.csv", "cve,epss\nCVE-2020-5902,0.65\n"));

    assertThat(loaded.data().scoreDate()).contains(LocalDate.of(2021, 9, 1));
    assertThat(loaded.data().modelVersion()).isEmpty();
    assertThat(loaded.info().note()).isEqualTo("score date taken from the file name");
  }

  @Test
  void gzipIsRecognizedByContent() throws IOException {
    String csv =
        "#model_version:v2023.03.01,score_date:2023-03-07T00:00:00+0000\n"
            + "cve,epss,percentile\nCVE-2020-5902,0.97567,0.99995\n";
    Path file = folder.resolve("scores.bin");
    Files.write(file, gzip(csv));

    LoadedFeed<EpssTable> loaded = EpssLoader.load(file);

    assertThat(loaded.data().lookup("CVE-2020-5902")).contains(new EpssScore(0.97567, 0.99995));
    assertThat(loaded.info().files().get(0).sha256()).isEqualTo(Hashing.sha256(file));
  }

  @Test
  void semicolonLayoutWithoutHeader() throws IOException {
    EpssTable table =
        EpssLoader.load(
                write(
                    "CVE_2021_EPSS.csv",
                    "CVE-2021-47987;0.001200000;0.021680000\n"
                        + "CVE-2021-44228;0.999990000;1.000000000\n"))
            .data();

    assertThat(table.lookup("CVE-2021-44228")).contains(new EpssScore(0.99999, 1.0));
    assertThat(table.lookup("CVE-2021-47987")).contains(new EpssScore(0.0012, 0.02168));
  }

  @Test
  void headerColumnsInAnyOrder() throws IOException {
    EpssTable table =
        EpssLoader.load(
                write(
                    "epss.csv",
                    "percentile,extra,CVE,EPSS\n0.5,x,CVE-2022-0001,0.25\r\n"
                        + "\n0.75,y,cve-2022-0002,4.3e-05\n"))
            .data();

    assertThat(table.lookup("CVE-2022-0001")).contains(new EpssScore(0.25, 0.5));
    assertThat(table.lookup("CVE-2022-0002")).contains(new EpssScore(0.000043, 0.75));
  }

  @Test
  void rowsAreSortedNumericallyNotAsText() throws IOException {
    EpssTable table =
        EpssLoader.load(
                write(
                    "epss.csv",
                    "cve,epss,percentile\n"
                        + "CVE-2021-10000,0.3,0.3\n"
                        + "CVE-2021-2000,0.2,0.2\n"
                        + "CVE-2020-99999,0.1,0.1\n"
                        + "CVE-2021-1000001,0.4,0.4\n"))
            .data();

    assertThat(((PackedEpssTable) table).cveAt(0)).isEqualTo("CVE-2020-99999");
    assertThat(((PackedEpssTable) table).cveAt(3)).isEqualTo("CVE-2021-1000001");
    assertThat(table.lookup("CVE-2021-2000").orElseThrow().epss()).isEqualTo(0.2);
    assertThat(table.lookup("CVE-2021-10000").orElseThrow().epss()).isEqualTo(0.3);
    assertThat(table.lookup("CVE-2021-1000001").orElseThrow().epss()).isEqualTo(0.4);
  }

  @Test
  void apiEnvelopeWithStringNumbers() throws IOException {
    Path file =
        write(
            "api.json",
            "{\"status\":\"OK\",\"status-code\":200,\"version\":\"1.0\",\"access\":\"public\","
                + "\"total\":2,\"offset\":0,\"limit\":100,\"data\":["
                + "{\"cve\":\"CVE-2021-44228\",\"epss\":\"0.943580000\","
                + "\"percentile\":\"0.999570000\",\"date\":\"2026-11-30\"},"
                + "{\"cve\":\"CVE-2022-22965\",\"epss\":0.5,\"percentile\":0.9,"
                + "\"date\":\"2026-12-01\",\"extra\":{\"nested\":[1]}}]}");

    LoadedFeed<EpssTable> loaded = EpssLoader.load(file);

    assertThat(loaded.data().lookup("CVE-2021-44228")).contains(new EpssScore(0.94358, 0.99957));
    assertThat(loaded.data().lookup("CVE-2022-22965")).contains(new EpssScore(0.5, 0.9));
    assertThat(loaded.data().scoreDate()).contains(LocalDate.of(2026, 12, 1));
  }

  @Test
  void apiBareArrayAndSingleElement() throws IOException {
    EpssTable array =
        EpssLoader.load(write("array.json", "[{\"cve\":\"CVE-2021-44228\",\"epss\":\"0.9\"}]"))
            .data();
    EpssTable single =
        EpssLoader.load(
                write(
                    "one.json",
                    "{\"cve\":\"CVE-2021-44228\",\"epss\":\"0.975620000\","
                        + "\"percentile\":\"0.999980000\",\"date\":\"2024-03-27\"}"))
            .data();

    assertThat(array.lookup("CVE-2021-44228").orElseThrow().hasPercentile()).isFalse();
    assertThat(single.lookup("CVE-2021-44228")).contains(new EpssScore(0.97562, 0.99998));
    assertThat(single.scoreDate()).contains(LocalDate.of(2024, 3, 27));
  }

  @Test
  void apiErrorStatusIsRejected() throws IOException {
    Path file = write("error.json", "{\"status\":\"error\",\"message\":\"rate limited\"}");

    assertThatThrownBy(() -> EpssLoader.load(file))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("status 'error' (rate limited)");
  }

  @Test
  void severalFilesMergeIntoOneTable() throws IOException {
    Path first = write("CVE_2020_EPSS.csv", "CVE-2020-0001;0.1;0.2\n");
    Path second = write("CVE_2021_EPSS.csv", "CVE-2021-0001;0.3;0.4\n");

    LoadedFeed<EpssTable> loaded = EpssLoader.load(List.of(first, second));

    assertThat(loaded.data().size()).isEqualTo(2);
    assertThat(loaded.info().files())
        .extracting(FeedFile::name)
        .containsExactly(first.toString(), second.toString());
    assertThat(loaded.info().entries()).isEqualTo(2);
  }

  @Test
  void duplicateCveAcrossFilesNamesBothPlaces() throws IOException {
    Path first = write("a.csv", "cve,epss\nCVE-2020-0001,0.1\n");
    Path second = write("b.csv", "cve,epss\nCVE-2020-0002,0.1\nCVE-2020-0001,0.2\n");

    assertThatThrownBy(() -> EpssLoader.load(List.of(first, second)))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(second + " (line 3)")
        .hasMessageContaining(
            "CVE-2020-0001 is listed a second time (first at " + first + " line 2)");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "cve,epss,percentile\\nCVE-2021-1,0.5,0.5 | line 2 | 'CVE-2021-1' is not a CVE id",
        "cve,epss,percentile\\nCVE-21-44228,0.5,0.5 | line 2 | 'CVE-21-44228' is not a CVE id",
        "cve,epss,percentile\\nGHSA-xxxx,0.5,0.5 | line 2 | 'GHSA-xxxx' is not a CVE id",
        "cve,epss,percentile\\nCVE-2021-44228,high,0.5 | line 2 | EPSS score 'high' is invalid",
        "cve,epss,percentile\\nCVE-2021-44228,1.5,0.5 | line 2 | EPSS score '1.5' is invalid",
        "cve,epss,percentile\\nCVE-2021-44228,0.5, | line 2 | percentile '' is invalid",
        "cve,epss,percentile\\nCVE-2021-44228,0x1p-3,0.5 | line 2 | EPSS score '0x1p-3' is invalid",
        "cve,epss,percentile\\nCVE-2021-44228,0.5d,0.5 | line 2 | EPSS score '0.5d' is invalid",
        "cve,epss,percentile\\nCVE-2021-44228,NaN,0.5 | line 2 | EPSS score 'NaN' is invalid",
        "cve,epss,percentile\\nCVE-2021-44228,.,0.5 | line 2 | EPSS score '.' is invalid",
        "cve,epss,percentile\\nCVE-2021-44228,1e,0.5 | line 2 | EPSS score '1e' is invalid",
        "cve,epss,percentile\\nCVE-2021-44228,0.5,+0.5 | line 2 | percentile '+0.5' is invalid",
        "cve,epss,percentile\\nCVE-2021-44228,0.5 | line 2 | found 2 columns separated by ','",
        "cve,epss\\nCVE-2021-44228,0.5,0.1 | line 2 | found 3 columns separated by ','",
        "cve,score\\nCVE-2021-44228,0.5 | line 1 | lacks the columns cve and epss",
        "CVE-2021-44228 | line 1 | found 1 column",
        "#model_version:v1,score_date:yesterday\\ncve,epss | line 1 | score_date 'yesterday'",
      })
  void badRowNamesLineAndExpectation(String content, String position, String problem)
      throws IOException {
    Path file = write("bad.csv", content.replace("\\n", "\n"));

    assertThatThrownBy(() -> EpssLoader.load(file))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(file + " (" + position + ")")
        .hasMessageContaining(problem)
        .satisfies(e -> assertThat(((InputException) e).getPosition()).isEqualTo(position));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"data\":[{\"cve\":\"CVE-2021-44228\",\"epss\":\"0.9\"} | Unexpected end-of-input",
        "{\"data\":[{\"cve\":\"CVE-2021-44228\"}]} | CVE-2021-44228 has no epss field",
        "{\"data\":[{\"epss\":\"0.1\"}]} | the element has no cve field",
        "{\"data\":[{\"cve\":\"log4shell\",\"epss\":\"0.1\"}]} | 'log4shell' is not a CVE id",
        "{\"data\":[{\"cve\":\"CVE-2021-44228\",\"epss\":\"-1\"}]} | EPSS score '-1' is invalid",
        "{\"data\":[1]} | expected an object",
        "{\"data\":[{\"cve\":\"CVE-2021-44228\",\"epss\":\"0.1\",\"date\":\"today\"}]} | "
            + "date 'today'",
      })
  void badJsonNamesPosition(String content, String problem) throws IOException {
    Path file = write("bad.json", content);

    assertThatThrownBy(() -> EpssLoader.load(file))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(file + " (line 1, column ")
        .hasMessageContaining(problem);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "cve,epss,percentile\n", "#model_version:v2025.03.14\n"})
  void fileWithoutScoresIsRejected(String content) throws IOException {
    Path file = write("empty.csv", content);

    assertThatThrownBy(() -> EpssLoader.load(file))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no EPSS scores found");
  }

  @Test
  void truncatedGzipIsRejected() throws IOException {
    byte[] whole = gzip("cve,epss\n" + "CVE-2020-5902,0.65117\n".repeat(200));
    Path file = folder.resolve("cut.csv.gz");
    Files.write(file, Arrays.copyOf(whole, whole.length / 2));

    assertThatThrownBy(() -> EpssLoader.load(file))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("the gzip data is truncated or corrupt");
  }

  @Test
  void missingFileIsRejected() {
    Path file = folder.resolve("absent.csv");

    assertThatThrownBy(() -> EpssLoader.load(file))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(file + ": cannot read the EPSS file");
  }

  @Test
  void scoresRoundTripAsTheirDecimals() throws IOException {
    EpssTable table =
        EpssLoader.load(
                write(
                    "epss.csv", "cve,epss,percentile\nCVE-2020-0001,0.00043,0.9981063485700858\n"))
            .data();

    EpssScore score = table.lookup("CVE-2020-0001").orElseThrow();
    assertThat(score.epss()).isEqualTo(0.00043);
    assertThat(score.percentile()).isEqualTo(0.998106349);
    assertThat(Optional.of(score).map(EpssScore::epss).map(String::valueOf)).contains("4.3E-4");
  }

  private Path write(String name, String content) throws IOException {
    Path file = folder.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
