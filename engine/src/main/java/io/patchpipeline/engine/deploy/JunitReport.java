package io.patchpipeline.engine.deploy;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Counts the test cases, failures and errors of a JUnit XML report by its elements. */
public record JunitReport(int tests, int failures, int errors, int skipped) {
  public boolean passed() {
    return tests > 0 && failures == 0 && errors == 0;
  }

  @Override
  public String toString() {
    return tests
        + " tests, "
        + failures
        + " failures, "
        + errors
        + " errors, "
        + skipped
        + " skipped";
  }

  public static JunitReport read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader reader = SecureXml.open(in, file.toString());
      int tests = 0;
      int failures = 0;
      int errors = 0;
      int skipped = 0;
      try {
        while (reader.hasNext()) {
          if (reader.next() == XMLStreamConstants.START_ELEMENT) {
            switch (reader.getLocalName()) {
              case "testcase" -> tests++;
              case "failure" -> failures++;
              case "error" -> errors++;
              case "skipped" -> skipped++;
              default -> {
                // Suites, properties and output elements carry nothing to count.
              }
            }
          }
        }
      } catch (XMLStreamException e) {
        throw new InputException(
            file.toString(), SecureXml.position(e), "invalid JUnit XML: " + e.getMessage(), e);
      }
      return new JunitReport(tests, failures, errors, skipped);
    } catch (NoSuchFileException e) {
      throw new InputException(
          file.toString(), "", "JUnit report not found; the smoke tests wrote no report", e);
    }
  }
}
