package io.patchpipeline.engine.report;

import static io.patchpipeline.engine.report.SarifRule.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.patchpipeline.engine.core.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns SARIF results into findings. Scanners put the package where SARIF has no field for it:
 * Trivy writes {@code Package:}, {@code Installed Version:} and {@code Fixed Version:} lines into
 * the message (older versions into the rule's help), and Snyk writes {@code (CVE-...) name@version}
 * into the rule's full description and the fix as {@code Upgrade `name` to version X or higher}.
 */
final class SarifFindings {
  private static final Pattern PACKAGE = Pattern.compile("(?m)^Package: *(\\S+)");
  private static final Pattern INSTALLED = Pattern.compile("(?m)^Installed Version: *(\\S+)");
  private static final Pattern FIXED = Pattern.compile("(?m)^Fixed Version:[ \\t]*([^\\r\\n]*)");
  private static final Pattern SNYK_FIX = Pattern.compile("to version ([^\\r\\n]+?) or higher");
  private static final Pattern SNYK_MANAGER = Pattern.compile("Package Manager: *(\\S+)");
  private static final String FORMAT_SOURCE = SarifParser.FORMAT;
  private static final SarifRule NO_RULE = SarifRule.of(MissingNode.getInstance());

  private final String report;
  private final FindingSink sink;
  private long count;

  SarifFindings(String report, FindingSink sink) {
    this.report = report;
    this.sink = sink;
  }

  long count() {
    return count;
  }

  void add(SarifRun run, JsonNode result) {
    String ruleId = Fields.first(text(result, "ruleId"), text(result, "rule", "id"));
    int index = result.path("ruleIndex").asInt(result.path("rule").path("index").asInt(-1));
    SarifRule rule = run.rule(index, ruleId);
    rule = rule == null ? NO_RULE : rule;
    String id = Fields.first(ruleId, rule.id());
    if (id.isEmpty()) {
      sink.warning(report + ": a result of " + run.scanner().name() + " has no rule id; skipped");
      return;
    }

    String message = text(result, "message", "text");
    PackageRef pkg = pkg(rule, message, id);
    int slash = id.indexOf('/');
    if (slash > 0 && Finding.isCve(id.substring(0, slash))) {
      id = id.substring(0, slash);
    }
    if (Finding.isCve(id)) {
      id = id.toUpperCase(Locale.ROOT);
    }

    List<String> aliases = Finding.isCve(id) ? List.of() : snykCves(rule);
    List<CvssScore> cvss = cvss(result.path("properties"), rule.properties());
    sink.accept(
        new Finding(
            id,
            aliases,
            pkg,
            fixedVersions(rule, message),
            target(run, result),
            run.scanner(),
            severity(result, rule),
            run.scanner().name().toLowerCase(Locale.ROOT),
            cvss,
            Fields.first(rule.title(), message.lines().findFirst().orElse("")),
            Optional.empty(),
            report));
    count++;
  }

  /**
   * Returns the severity: the rule's or result's {@code security-severity} score first, then a
   * severity word the scanner puts in the result's properties (Dependency-Check does), then the
   * level, inherited from the rule and defaulting to {@code warning} as SARIF defines.
   */
  private static Severity severity(JsonNode result, SarifRule rule) {
    double score = securitySeverity(result.path("properties"), rule.properties());
    if (!Double.isNaN(score)) {
      return Severity.fromCvss(score);
    }
    Severity word = Severity.parse(text(result, "properties", "severity"));
    if (word != Severity.UNKNOWN) {
      return word;
    }
    return Severity.parse(Fields.first(text(result, "level"), rule.level(), "warning"));
  }

  private static double securitySeverity(JsonNode resultProperties, JsonNode ruleProperties) {
    return Fields.number(
        Fields.first(
            text(resultProperties, "security-severity"),
            text(ruleProperties, "security-severity")));
  }

  private static List<CvssScore> cvss(JsonNode resultProperties, JsonNode ruleProperties) {
    List<CvssScore> scores = new ArrayList<>();
    for (JsonNode properties : List.of(resultProperties, ruleProperties)) {
      if (scores.isEmpty()) {
        Fields.addCvss(
            scores,
            FORMAT_SOURCE,
            "2.0",
            text(properties, "cvssv2_vector"),
            text(properties, "cvssv2_score"));
        Fields.addCvss(
            scores,
            FORMAT_SOURCE,
            Fields.first(text(properties, "cvssv3_version"), "3.1"),
            text(properties, "cvssv3_vector"),
            text(properties, "cvssv3_baseScore"));
      }
    }
    double score = securitySeverity(resultProperties, ruleProperties);
    if (scores.isEmpty() && !Double.isNaN(score)) {
      scores.add(new CvssScore(FORMAT_SOURCE, "", "", score));
    }
    return scores;
  }

  private static PackageRef pkg(SarifRule rule, String message, String ruleId) {
    String name = Fields.first(find(PACKAGE, message), find(PACKAGE, rule.help()));
    String version = Fields.first(find(INSTALLED, message), find(INSTALLED, rule.help()));
    if (!name.isEmpty()) {
      return new PackageRef(name, "", "", version, trivyKind(rule.name()));
    }
    String[] snyk = snykDescription(rule.description());
    if (snyk != null) {
      String ecosystem = find(SNYK_MANAGER, rule.help());
      return new PackageRef(snyk[1], ecosystem, "", snyk[2], PackageKind.LIBRARY);
    }
    int slash = ruleId.indexOf('/');
    return slash > 0
        ? new PackageRef(ruleId.substring(slash + 1), "", "", "", PackageKind.UNKNOWN)
        : PackageRef.NONE;
  }

  private static PackageKind trivyKind(String ruleName) {
    String name = ruleName.toLowerCase(Locale.ROOT).replace(" ", "");
    if (name.contains("ospackage")) {
      return PackageKind.OS;
    }
    return name.contains("languagespecific") ? PackageKind.LIBRARY : PackageKind.UNKNOWN;
  }

  /** Returns the fixed versions; Trivy's empty {@code Fixed Version:} line means no fix exists. */
  private static Optional<List<String>> fixedVersions(SarifRule rule, String message) {
    for (String text : List.of(message, rule.help())) {
      Matcher trivy = FIXED.matcher(text);
      if (trivy.find()) {
        return Optional.of(split(trivy.group(1)));
      }
    }
    Matcher snyk = SNYK_FIX.matcher(rule.help());
    return snyk.find() ? Optional.of(split(snyk.group(1).replace("`", ""))) : Optional.empty();
  }

  private static List<String> split(String versions) {
    return Arrays.stream(versions.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
  }

  private static List<String> snykCves(SarifRule rule) {
    String[] snyk = snykDescription(rule.description());
    return snyk == null ? List.of() : Fields.cveIds(snyk[0]);
  }

  /**
   * Splits Snyk's full description {@code (CVE-2016-3092) group:artifact@1.3.1} into the ids in
   * brackets, the package name and the version, or returns null for another text.
   */
  private static String[] snykDescription(String text) {
    String ids = "";
    String rest = text;
    if (rest.startsWith("(") && rest.indexOf(')') > 0) {
      ids = rest.substring(1, rest.indexOf(')'));
      rest = rest.substring(rest.indexOf(')') + 1).trim();
    }
    int at = rest.lastIndexOf('@');
    if (at <= 0 || at == rest.length() - 1 || rest.chars().anyMatch(Character::isWhitespace)) {
      return null;
    }
    return new String[] {ids, rest.substring(0, at), rest.substring(at + 1)};
  }

  private static Target target(SarifRun run, JsonNode result) {
    if (!run.image().isEmpty()) {
      return Target.image(run.image());
    }
    String uri =
        text(result.path("locations").path(0), "physicalLocation", "artifactLocation", "uri");
    // Trivy before 0.20 names an image target as "name (os version)", as in "nginx (debian 10.4)".
    int os = uri.indexOf(" (");
    if (run.scanner().name().equalsIgnoreCase("Trivy") && os > 0 && uri.endsWith(")")) {
      return Target.image(uri.substring(0, os));
    }
    if (uri.isEmpty()) {
      return Target.unknown(Fields.first(run.scanner().name(), "unknown"));
    }
    return Target.file(uri.startsWith("file://") ? uri.substring(7).replaceFirst("^/+", "/") : uri);
  }

  private static String find(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? matcher.group(1).trim() : "";
  }
}
