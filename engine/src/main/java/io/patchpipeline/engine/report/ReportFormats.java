package io.patchpipeline.engine.report;

import java.util.List;

/** The list of every supported report format, in the order detection breaks ties. */
public final class ReportFormats {
  private ReportFormats() {}

  public static List<ReportParser> all() {
    return List.of(
        new TrivyParser(),
        new GrypeParser(),
        new OsvScannerParser(),
        new CycloneDxParser(),
        new DependencyCheckJsonParser(),
        new TrivyOperatorParser(),
        new NessusParser(),
        new QualysParser(),
        new OpenVasParser(),
        new DependencyCheckXmlParser(),
        new SarifParser(),
        new TenableCsvParser(),
        new OpenVasCsvParser(),
        new QualysCsvParser());
  }
}
