package io.patchpipeline.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.testing.SharedData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The test battery every report parser inherits: it parses our own fixture, survives empty and
 * truncated input with an {@link InputException}, is not chosen for other formats' fixtures, and
 * parses every real report of its format in shared/data.
 */
public abstract class AbstractParserTest {
  /** Returns the parser under test. */
  protected abstract ReportParser parser();

  /** Returns the resource name of our own small fixture, under {@code /reports/}. */
  protected abstract String fixture();

  /** Returns the shared/data subfolders with real reports of this format. */
  protected abstract List<String> realReportFolders();

  /** Checks the findings of {@link #fixture()} field by field. */
  protected abstract void checkFixture(List<Finding> findings);

  /** Returns whether a real report file belongs to this parser (some folders hold two formats). */
  protected boolean isRealReport(Path file) {
    return true;
  }

  @Test
  void parsesOwnFixture() throws IOException {
    List<Finding> findings = parse(resource(fixture()));
    assertThat(findings).isNotEmpty();
    checkFixture(findings);
  }

  @Test
  void detectsOwnFixture() throws IOException {
    ReportReader reader = ReportReader.withAllFormats();
    assertThat(reader.detect(resource(fixture())).format()).isEqualTo(parser().format());
  }

  @Test
  void rejectsEmptyInput() {
    ReportInput empty = bytes("empty.json", new byte[0]);
    assertThatThrownBy(() -> parser().parse(empty, new CollectingSink()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("empty.json");
  }

  @Test
  void rejectsTruncatedInput() throws IOException {
    byte[] whole;
    try (InputStream in = resource(fixture()).open()) {
      whole = in.readAllBytes();
    }
    byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
    assertThatThrownBy(() -> parser().parse(bytes("truncated", half), new CollectingSink()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void rejectsWrongFormat() {
    ReportInput text =
        bytes("notes.txt", "hello, this is not a report\n".getBytes(StandardCharsets.UTF_8));
    assertThat(parser().detect("hello, this is not a report\n")).isZero();
    assertThatThrownBy(() -> parser().parse(text, new CollectingSink()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("notes.txt");
  }

  @TestFactory
  Stream<DynamicTest> parsesEveryRealReport() {
    List<Path> files = new ArrayList<>();
    for (String folder : realReportFolders()) {
      SharedData.files(folder).stream().filter(this::isRealReport).forEach(files::add);
    }
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      FileReportInput input = FileReportInput.of(file);
                      assertThat(ReportReader.withAllFormats().detect(input).format())
                          .as("format detected for %s", file.getFileName())
                          .isEqualTo(parser().format());
                      CollectingSink sink = new CollectingSink();
                      ParsedReport report = parser().parse(input, sink);
                      assertThat(report.findings()).isEqualTo(sink.findings.size());
                      for (Finding finding : sink.findings) {
                        assertThat(finding.vulnerabilityId()).isNotBlank();
                        assertThat(finding.target().name()).isNotBlank();
                      }
                    }));
  }

  /** Parses {@code input} with the parser under test and returns every finding. */
  protected List<Finding> parse(ReportInput input) throws IOException {
    CollectingSink sink = new CollectingSink();
    parser().parse(input, sink);
    return sink.findings;
  }

  /** Returns one of our fixtures under {@code src/test/resources/reports/}. */
  protected static ReportInput resource(String name) {
    String path = "/reports/" + name;
    Objects.requireNonNull(AbstractParserTest.class.getResource(path), "missing fixture " + path);
    return new ReportInput() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public InputStream open() {
        return AbstractParserTest.class.getResourceAsStream(path);
      }
    };
  }

  protected static ReportInput bytes(String name, byte[] content) {
    return new ReportInput() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public InputStream open() {
        return new ByteArrayInputStream(content);
      }
    };
  }

  protected static Path write(Path folder, String name, String content) {
    try {
      return Files.writeString(folder.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sink that keeps every finding, exclusion and warning for assertions. */
  public static final class CollectingSink implements FindingSink {
    public final List<Finding> findings = new ArrayList<>();
    public final List<String> excluded = new ArrayList<>();
    public final List<String> warnings = new ArrayList<>();

    @Override
    public void accept(Finding finding) {
      findings.add(finding);
    }

    @Override
    public void excluded(Finding finding, String state, String justification) {
      excluded.add(finding.vulnerabilityId() + " " + state + " " + justification);
    }

    @Override
    public void warning(String text) {
      warnings.add(text);
    }
  }
}
