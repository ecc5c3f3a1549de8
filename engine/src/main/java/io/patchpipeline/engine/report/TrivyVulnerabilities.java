package io.patchpipeline.engine.report;

import static io.patchpipeline.engine.report.JsonCursor.number;
import static io.patchpipeline.engine.report.JsonCursor.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.patchpipeline.engine.core.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Maps one entry of a Trivy result's {@code Vulnerabilities} list to a finding. The entry's {@code
 * SeveritySource} decides whose severity and CVSS ratings count: {@code VendorSeverity} and {@code
 * CVSS} of that source when the entry has them, else the entry's {@code Severity} and the NVD
 * ratings, else every rating given.
 */
final class TrivyVulnerabilities {
  /** Trivy's numeric vendor severities, 0 to 4, as words for {@link Severity#parse}. */
  private static final String[] VENDOR_LEVELS = {"unknown", "low", "medium", "high", "critical"};

  /** The fields of an entry that a finding needs; the parser skips the others. */
  static final Set<String> FIELDS =
      Set.of(
          "VulnerabilityID",
          "VendorIDs",
          "PkgName",
          "PkgIdentifier",
          "InstalledVersion",
          "FixedVersion",
          "Status",
          "SeveritySource",
          "Severity",
          "VendorSeverity",
          "CVSS",
          "Title",
          "PublishedDate");

  /** Trivy statuses meaning that no fixed version exists or will be released. */
  private static final Set<String> NO_FIX = Set.of("affected", "will_not_fix", "fix_deferred");

  /**
   * The report and result fields that each finding of a result shares.
   *
   * @param resultClass Trivy's result class, such as {@code os-pkgs} or {@code lang-pkgs}
   * @param resultType the OS family or package manager, such as {@code debian} or {@code jar}
   */
  record Context(
      String report, ScannerInfo scanner, Target target, String resultClass, String resultType) {}

  private TrivyVulnerabilities() {}

  /** Returns whether Trivy marks the entry as not affecting the package. */
  static boolean isNotAffected(JsonNode entry) {
    return "not_affected".equals(text(entry, "Status"));
  }

  /** Returns the finding of {@code entry}, or empty when it has no {@code VulnerabilityID}. */
  static Optional<Finding> toFinding(JsonNode entry, Context context) {
    String id = text(entry, "VulnerabilityID");
    if (id.isBlank()) {
      return Optional.empty();
    }
    String source = text(entry, "SeveritySource");
    return Optional.of(
        new Finding(
            id,
            ReportValues.aliases(id, JsonCursor.texts(entry.path("VendorIDs"))),
            packageOf(entry, context),
            fixedVersions(entry),
            context.target(),
            context.scanner(),
            severity(entry, source),
            source,
            cvss(entry.path("CVSS"), source),
            text(entry, "Title"),
            ReportValues.date(text(entry, "PublishedDate")),
            context.report()));
  }

  private static PackageRef packageOf(JsonNode entry, Context context) {
    String name = text(entry, "PkgName");
    String purl = text(entry.path("PkgIdentifier"), "PURL");
    String ecosystem = Ecosystems.normalize(context.resultType());
    if (ecosystem.isEmpty()) {
      ecosystem = Purl.parse(purl).map(Purl::ecosystem).orElse("");
    }
    PackageKind kind =
        switch (context.resultClass()) {
          case "os-pkgs" -> Ecosystems.isKernel(name) ? PackageKind.KERNEL : PackageKind.OS;
          case "lang-pkgs" -> PackageKind.LIBRARY;
          default -> Ecosystems.kind(ecosystem, name);
        };
    return new PackageRef(name, ecosystem, purl, text(entry, "InstalledVersion"), kind);
  }

  /**
   * Returns the fixed versions. The list is empty where Trivy's status means that no fix exists,
   * and the result is empty where the report gives neither a version nor such a status.
   */
  static Optional<List<String>> fixedVersions(JsonNode entry) {
    List<String> versions = ReportValues.versions(text(entry, "FixedVersion"));
    if (!versions.isEmpty()) {
      return Optional.of(versions);
    }
    return NO_FIX.contains(text(entry, "Status")) ? Optional.of(List.of()) : Optional.empty();
  }

  private static Severity severity(JsonNode entry, String source) {
    JsonNode vendor = entry.path("VendorSeverity").path(source);
    if (vendor.isInt() && vendor.intValue() >= 0 && vendor.intValue() < VENDOR_LEVELS.length) {
      return Severity.parse(VENDOR_LEVELS[vendor.intValue()]);
    }
    return Severity.parse(text(entry, "Severity"));
  }

  private static List<CvssScore> cvss(JsonNode ratings, String source) {
    List<String> sources = new ArrayList<>();
    if (ratings.has(source)) {
      sources.add(source);
    } else if (ratings.has("nvd")) {
      sources.add("nvd");
    } else {
      ratings.fieldNames().forEachRemaining(sources::add);
    }
    List<CvssScore> scores = new ArrayList<>();
    for (String name : sources) {
      JsonNode rating = ratings.path(name);
      add(scores, name, rating, "V2", "2.0");
      add(scores, name, rating, "V3", "3.1");
      add(scores, name, rating, "V40", "4.0");
    }
    return scores;
  }

  private static void add(
      List<CvssScore> scores, String source, JsonNode rating, String prefix, String version) {
    String vector = text(rating, prefix + "Vector");
    double score = number(rating, prefix + "Score");
    if (!vector.isEmpty() || !Double.isNaN(score)) {
      scores.add(CvssScore.of(source, vector, score, version));
    }
  }
}
