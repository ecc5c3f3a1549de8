package io.patchpipeline.engine.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Message;
import io.patchpipeline.engine.core.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KevLoaderTest {
  private static final String CSV_HEADER =
      "cveID,vendorProject,product,vulnerabilityName,dateAdded,shortDescription,requiredAction,"
          + "dueDate,knownRansomwareCampaignUse,notes,cwes\n";

  private static final KevEntry LOG4SHELL =
      new KevEntry(
          "CVE-2021-44228",
          "Apache",
          "Log4j2",
          "Apache Log4j2 Remote Code Execution Vulnerability",
          Optional.of(LocalDate.of(2021, 12, 10)),
          Optional.of(LocalDate.of(2021, 12, 24)),
          "Apply updates, or remove affected assets.",
          true);

  @TempDir Path folder;
  private final Messages messages = new Messages();

  @Test
  void jsonWithFieldsItDoesNotKnow() throws IOException {
    Path file =
        write(
            "kev.json",
            "{\"title\":\"CISA Catalog\",\"catalogVersion\":\"2026.11.30\","
                + "\"dateReleased\":\"2026-11-30T17:04:19.9796Z\",\"count\":1,"
                + "\"futureObject\":{\"a\":[1,2]},\"vulnerabilities\":[{"
                + "\"cveID\":\"CVE-2021-44228\",\"vendorProject\":\"Apache\","
                + "\"product\":\"Log4j2\","
                + "\"vulnerabilityName\":\"Apache Log4j2 Remote Code Execution Vulnerability\","
                + "\"dateAdded\":\"2021-12-10\",\"shortDescription\":\"JNDI lookups.\","
                + "\"requiredAction\":\"Apply updates, or remove affected assets.\","
                + "\"dueDate\":\"2021-12-24\",\"knownRansomwareCampaignUse\":\"Known\","
                + "\"notes\":\"\",\"cwes\":[\"CWE-20\"],\"forensicTriage\":{\"required\":true}}]}");

    LoadedFeed<KevCatalog> loaded = KevLoader.load(file, messages);

    assertThat(loaded.data().lookup("CVE-2021-44228")).contains(LOG4SHELL);
    assertThat(loaded.data().catalogVersion()).isEqualTo("2026.11.30");
    assertThat(loaded.data().dateReleased()).contains(LocalDate.of(2026, 11, 30));
    assertThat(loaded.info().version()).isEqualTo("2026.11.30");
    assertThat(loaded.info().entries()).isEqualTo(1);
    assertThat(messages.list()).isEmpty();
  }

  @Test
  void csvWithBomQuotedCommasAndLineBreaks() throws IOException {
    Path file =
        write(
            "kev.csv",
            "\uFEFF"
                + CSV_HEADER
                + "CVE-2021-44228,Apache,Log4j2,"
                + "\"Apache Log4j2 Remote Code Execution Vulnerability\",2021-12-10,"
                + "\"JNDI, \"\"lookups\"\"\nacross lines\","
                + "\"Apply updates, or remove affected assets.\",2021-12-24,Known,,"
                + "\"CWE-20, CWE-400\"\n"
                + "CVE-2024-8068,Citrix,\"Session Recording\",Name,2025-08-25,d,a,"
                + "2025-09-15,Unknown,,CWE-269\n");

    LoadedFeed<KevCatalog> loaded = KevLoader.load(file, messages);

    assertThat(loaded.data().size()).isEqualTo(2);
    assertThat(loaded.data().lookup("CVE-2021-44228")).contains(LOG4SHELL);
    assertThat(loaded.data().lookup("cve-2024-8068").orElseThrow().knownRansomwareUse()).isFalse();
    assertThat(loaded.data().catalogVersion()).isEqualTo("2025.08.25");
    assertThat(loaded.data().dateReleased()).isEmpty();
    assertThat(loaded.info().note()).contains("derived from the newest dateAdded");
  }

  @Test
  void csvWithReorderedAndExtraColumns() throws IOException {
    Path file =
        write(
            "kev.csv",
            "dueDate,cveID,forensicTriage\n2022-01-01,CVE-2021-45046,yes\n,CVE-2021-45105,\n");

    KevCatalog kev = KevLoader.load(file, messages).data();

    assertThat(kev.lookup("CVE-2021-45046").orElseThrow().dueDate())
        .contains(LocalDate.of(2022, 1, 1));
    assertThat(kev.lookup("CVE-2021-45105").orElseThrow().dueDate()).isEmpty();
    assertThat(kev.catalogVersion()).isEmpty();
  }

  @Test
  void gzipJsonLoads() throws IOException {
    Path file = folder.resolve("kev.json.gz");
    Files.write(
        file,
        EpssLoaderTest.gzip(
            "{\"catalogVersion\":\"1\",\"vulnerabilities\":[{\"cveID\":\"CVE-2021-44228\"}]}"));

    assertThat(KevLoader.load(file, messages).data().lookup("CVE-2021-44228")).isPresent();
  }

  @Test
  void countMismatchAndDuplicateAreWarnings() throws IOException {
    Path file =
        write(
            "kev.json",
            "{\"count\":3,\"vulnerabilities\":[\n"
                + "{\"cveID\":\"CVE-2021-44228\",\"vendorProject\":\"first\"},\n"
                + "{\"cveID\":\"CVE-2021-44228\",\"vendorProject\":\"second\"}]}");

    KevCatalog kev = KevLoader.load(file, messages).data();

    assertThat(kev.lookup("CVE-2021-44228").orElseThrow().vendor()).isEqualTo("first");
    assertThat(messages.list())
        .extracting(Message::text)
        .containsExactly(
            file
                + " (line 3, column 1): CVE-2021-44228 is listed again after line 2, column 1;"
                + " the first entry is used",
            file + ": the catalog's count is 3 but it lists 1 distinct CVEs");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"vulnerabilities\":[{\"cveID\":\"CVE-2021-44228\"} | line 1, column 47 |"
            + " Unexpected end-of-input",
        "{\"vulnerabilities\":[{\"cveID\":\"CVE-21-1\"}]} | line 1, column 21 |"
            + " cveID 'CVE-21-1' is not a CVE id",
        "{\"vulnerabilities\":[{\"product\":\"x\"}]} | line 1, column 21 | the entry has no cveID",
        "{\"vulnerabilities\":[{\"cveID\":\"CVE-2021-44228\",\"dueDate\":\"12/24/2021\"}]} |"
            + " line 1, column 21 | dueDate '12/24/2021' is not a date",
        "{\"vulnerabilities\":{}} | line 1, column 20 | vulnerabilities is not an array",
        "{\"vulnerabilities\":[\"CVE-2021-44228\"]} | line 1, column 21 |"
            + " expected a vulnerability object",
        "[] | line 1, column 1 | expected the KEV catalog object",
        "{\"catalogVersion\":\"1\"} | | no vulnerabilities array found",
        "{\"dateReleased\":\"soon\",\"vulnerabilities\":[]} | line 1, column 17 |"
            + " dateReleased 'soon' is not a date",
      })
  void badJsonNamesPosition(String content, String position, String problem) throws IOException {
    Path file = write("bad.json", content);

    assertThatThrownBy(() -> KevLoader.load(file, messages))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(problem)
        .satisfies(
            e ->
                assertThat(((InputException) e).getPosition())
                    .isEqualTo(position == null ? "" : position));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "vendorProject,product\\nApache,Log4j2 | line 1 | the header lacks the column cveID",
        "cveID,dueDate\\nCVE-2021-44228,2021-12-24,extra | line 2 | found 3 columns",
        "cveID,dueDate,notes\\nCVE-2021-44228,2021-12-24 | line 2 | found 2 columns; expected 3",
        "cveID,dateAdded\\nCVE-2021-44228,yesterday | line 2 | dateAdded 'yesterday'",
        "cveID\\n\"CVE-2021-44228 | line 2 | invalid CSV",
        "cveID\\nLog4Shell | line 2 | cveID 'Log4Shell' is not a CVE id",
      })
  void badCsvNamesLine(String content, String position, String problem) throws IOException {
    Path file = write("bad.csv", content.replace("\\n", "\n"));

    assertThatThrownBy(() -> KevLoader.load(file, messages))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(file + " (" + position + ")")
        .hasMessageContaining(problem);
  }

  @Test
  void emptyFileIsRejected() throws IOException {
    Path file = write("empty.json", "  \n");

    assertThatThrownBy(() -> KevLoader.load(file, messages))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("the file is empty");
  }

  private Path write(String name, String content) throws IOException {
    Path file = folder.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }
}
