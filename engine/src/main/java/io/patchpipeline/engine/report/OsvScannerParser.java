package io.patchpipeline.engine.report;

import static io.patchpipeline.engine.report.JsonCursor.number;
import static io.patchpipeline.engine.report.JsonCursor.text;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.patchpipeline.engine.core.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads OSV-Scanner JSON reports ({@code results[].packages[]} with OSV records). Each package
 * entry is read as one small tree; OSV-Scanner's {@code groups} join the records that describe the
 * same vulnerability (a GHSA and a RUSTSEC advisory, say) into one finding.
 */
public final class OsvScannerParser implements ReportParser {
  static final String FORMAT = "osv-scanner";

  private static final String EXPECTED = "an OSV-Scanner JSON report: an object with results";

  private static final ScannerInfo SCANNER = new ScannerInfo(FORMAT, "");

  /** One package entry of a result, read as a tree, and where it starts in the file. */
  private record Entry(JsonNode node, String position) {}

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public int detect(String head) {
    boolean shape = head.contains("\"results\"") && head.contains("\"packages\"");
    return shape && head.contains("\"ecosystem\"") && head.contains("\"package\"") ? 75 : 0;
  }

  @Override
  public ParsedReport parse(ReportInput input, FindingSink sink) throws IOException {
    try (JsonCursor cursor = JsonCursor.open(input, EXPECTED)) {
      cursor.expect(JsonToken.START_OBJECT, EXPECTED);
      long[] count = {0};
      boolean[] resultsSeen = {false};
      cursor.forEachField(
          field -> {
            if ("results".equals(field.name())) {
              resultsSeen[0] = true;
              field.forEachElement("results", result -> count[0] += readResult(result, sink));
            } else {
              field.skip();
            }
          });
      if (!resultsSeen[0]) {
        throw cursor.error("expected " + EXPECTED + ", but the object has no results");
      }
      return new ParsedReport(input.name(), FORMAT, SCANNER, count[0]);
    }
  }

  private static long readResult(JsonCursor result, FindingSink sink) throws IOException {
    JsonNode[] source = {MissingNode.getInstance()};
    List<Entry> pending = new ArrayList<>();
    long[] count = {0};
    result.forEachField(
        field -> {
          switch (field.name()) {
            case "source" -> source[0] = field.tree();
            case "packages" ->
                field.forEachElement(
                    "packages",
                    entry -> {
                      String position = entry.position();
                      JsonNode node = entry.tree();
                      if (source[0].isMissingNode()) {
                        pending.add(new Entry(node, position));
                      } else {
                        count[0] +=
                            emit(
                                new Entry(node, position), target(source[0], result), sink, result);
                      }
                    });
            default -> field.skip();
          }
        });
    for (Entry entry : pending) {
      count[0] += emit(entry, target(source[0], result), sink, result);
    }
    return count[0];
  }

  /** Emits one finding per group of records of one package entry, and returns how many. */
  private static long emit(Entry entry, Target target, FindingSink sink, JsonCursor cursor) {
    Map<String, JsonNode> records = new LinkedHashMap<>();
    for (JsonNode record : entry.node().path("vulnerabilities")) {
      String id = text(record, "id");
      if (id.isBlank()) {
        sink.warning(
            cursor.file() + " (" + entry.position() + "): skipped a vulnerability without id");
      } else {
        records.put(id, record);
      }
    }
    long count = 0;
    for (JsonNode group : groups(entry.node(), records)) {
      List<JsonNode> members = new ArrayList<>();
      List<String> ids = JsonCursor.texts(group.path("ids"));
      ids.stream().map(records::remove).filter(r -> r != null).forEach(members::add);
      if (!members.isEmpty()) {
        JsonNode pkg = entry.node().path("package");
        sink.accept(toFinding(pkg, ids, members, group, target, cursor.file()));
        count++;
      }
    }
    return count;
  }

  /** Returns the entry's groups, plus a group of its own for each record no group names. */
  private static List<JsonNode> groups(JsonNode entry, Map<String, JsonNode> records) {
    List<JsonNode> groups = new ArrayList<>();
    entry.path("groups").forEach(groups::add);
    List<String> grouped = new ArrayList<>();
    groups.forEach(group -> grouped.addAll(JsonCursor.texts(group.path("ids"))));
    for (String id : records.keySet()) {
      if (!grouped.contains(id)) {
        ObjectNode single = Json.mapper().createObjectNode();
        single.putArray("ids").add(id);
        groups.add(single);
      }
    }
    return groups;
  }

  private static Finding toFinding(
      JsonNode pkg,
      List<String> ids,
      List<JsonNode> members,
      JsonNode group,
      Target target,
      String report) {
    String id = ids.get(0);
    List<String> others = new ArrayList<>(ids);
    others.addAll(JsonCursor.texts(group.path("aliases")));
    List<CvssScore> cvss = new ArrayList<>();
    for (JsonNode member : members) {
      others.addAll(JsonCursor.texts(member.path("aliases")));
      OsvRecords.addRatings(cvss, member);
    }
    JsonNode first = members.get(0);
    OsvRecords.Rated severity = OsvRecords.severity(members, number(group, "max_severity"), cvss);
    return new Finding(
        id,
        ReportValues.aliases(id, others),
        packageOf(pkg),
        OsvRecords.fixedVersions(pkg, members),
        target,
        SCANNER,
        severity.level(),
        severity.source(),
        cvss,
        text(first, "summary"),
        ReportValues.date(text(first, "published")),
        report);
  }

  private static PackageRef packageOf(JsonNode pkg) {
    String name = text(pkg, "name");
    String ecosystem = Ecosystems.normalize(text(pkg, "ecosystem"));
    return new PackageRef(
        name, ecosystem, text(pkg, "purl"), text(pkg, "version"), Ecosystems.kind(ecosystem, name));
  }

  private static Target target(JsonNode source, JsonCursor cursor) {
    String path = text(source, "path");
    if (path.isBlank()) {
      return Target.unknown(cursor.file());
    }
    return switch (text(source, "type")) {
      case "git" -> Target.repository(path);
      case "docker", "image" -> Target.image(path);
      default -> Target.file(path);
    };
  }
}
