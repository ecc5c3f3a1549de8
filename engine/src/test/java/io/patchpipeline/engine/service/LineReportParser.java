package io.patchpipeline.engine.service;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Severity;
import io.patchpipeline.engine.report.CvssScore;
import io.patchpipeline.engine.report.Finding;
import io.patchpipeline.engine.report.FindingSink;
import io.patchpipeline.engine.report.PackageKind;
import io.patchpipeline.engine.report.PackageRef;
import io.patchpipeline.engine.report.ParsedReport;
import io.patchpipeline.engine.report.ReportInput;
import io.patchpipeline.engine.report.ReportParser;
import io.patchpipeline.engine.report.ScannerInfo;
import io.patchpipeline.engine.report.Target;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A line format for service tests, so they do not depend on a scanner's layout: a first line {@code
 * #test-lines}, then {@code id|package|installed|fixed|image|cvss|kind} per finding, where fixed is
 * {@code -} for "not said" and {@code none} for "no fix".
 */
final class LineReportParser implements ReportParser {
  @Override
  public String format() {
    return "test-lines";
  }

  @Override
  public int detect(String head) {
    return head.startsWith("#test-lines") ? 100 : 0;
  }

  @Override
  public ParsedReport parse(ReportInput input, FindingSink sink) throws IOException {
    long count = 0;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(input.open(), StandardCharsets.UTF_8))) {
      String header = reader.readLine();
      if (header == null || !header.startsWith("#test-lines")) {
        throw new InputException(input.name(), "line 1", "expected #test-lines");
      }
      int lineNumber = 1;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        String[] f = line.split("\\|", -1);
        if (f.length != 7) {
          throw new InputException(input.name(), "line " + lineNumber, "expected 7 fields");
        }
        Optional<List<String>> fixed =
            f[3].equals("-")
                ? Optional.empty()
                : Optional.of(f[3].equals("none") ? List.of() : List.of(f[3]));
        double cvss = f[5].isEmpty() ? Double.NaN : Double.parseDouble(f[5]);
        sink.accept(
            new Finding(
                f[0],
                List.of(),
                new PackageRef(f[1], "debian", "", f[2], PackageKind.valueOf(f[6])),
                fixed,
                Target.image(f[4]),
                new ScannerInfo("test", "1"),
                Double.isNaN(cvss) ? Severity.UNKNOWN : Severity.fromCvss(cvss),
                "test",
                Double.isNaN(cvss) ? List.of() : List.of(new CvssScore("nvd", "3.1", "", cvss)),
                "",
                Optional.empty(),
                input.name()));
        count++;
      }
    }
    return new ParsedReport(input.name(), format(), new ScannerInfo("test", "1"), count);
  }
}
