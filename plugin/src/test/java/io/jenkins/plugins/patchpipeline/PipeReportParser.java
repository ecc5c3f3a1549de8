package io.jenkins.plugins.patchpipeline;

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
import io.patchpipeline.engine.report.ReportReader;
import io.patchpipeline.engine.report.ScannerInfo;
import io.patchpipeline.engine.report.Target;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A minimal report format for plugin tests, independent of any scanner's layout: a first line
 * {@code #pipe-report}, then {@code cve|package|installed|fixed|image|cvss} per finding.
 */
final class PipeReportParser implements ReportParser {
  static final ScannerInfo SCANNER = new ScannerInfo("pipe", "1");

  static ReportReader reader() {
    return new ReportReader(List.of(new PipeReportParser()));
  }

  @Override
  public String format() {
    return "pipe";
  }

  @Override
  public int detect(String head) {
    return head.startsWith("#pipe-report") ? 100 : 0;
  }

  @Override
  public ParsedReport parse(ReportInput input, FindingSink sink) throws IOException {
    long count = 0;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(input.open(), StandardCharsets.UTF_8))) {
      reader.readLine();
      int lineNumber = 1;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        String[] f = line.split("\\|", -1);
        if (f.length != 6) {
          throw new InputException(input.name(), "line " + lineNumber, "expected 6 fields");
        }
        double cvss = Double.parseDouble(f[5]);
        sink.accept(
            new Finding(
                f[0],
                List.of(),
                new PackageRef(f[1], "debian", "", f[2], PackageKind.OS),
                Optional.of(List.of(f[3])),
                Target.image(f[4]),
                SCANNER,
                Severity.fromCvss(cvss),
                "test",
                List.of(new CvssScore("nvd", "3.1", "", cvss)),
                "",
                Optional.empty(),
                input.name()));
        count++;
      }
    }
    return new ParsedReport(input.name(), format(), SCANNER, count);
  }
}
