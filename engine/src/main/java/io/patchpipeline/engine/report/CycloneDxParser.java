package io.patchpipeline.engine.report;

import static io.patchpipeline.engine.report.JsonCursor.text;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads CycloneDX JSON documents (spec 1.4 to 1.7) with {@code vulnerabilities}: BOMs with
 * vulnerabilities as scanners write them, and standalone VEX documents whose {@code affects} refs
 * point into another BOM. Components are kept only as a small index from {@code bom-ref} to
 * package; vulnerabilities are streamed one at a time.
 */
public final class CycloneDxParser implements ReportParser {
  static final String FORMAT = "cyclonedx";

  private static final String EXPECTED =
      "a CycloneDX JSON document: an object with \"bomFormat\": \"CycloneDX\"";

  private static final Set<String> AHEAD = Set.of("metadata", "components");

  /** The fields of the document that precede its vulnerabilities. */
  private static final class Bom {
    private final Map<String, PackageRef> components = new HashMap<>();
    private JsonNode metadata = MissingNode.getInstance();
    private boolean formatSeen;
    private boolean componentsSeen;
    private boolean metadataSeen;
  }

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public int detect(String head) {
    return head.contains("\"bomFormat\"") && head.contains("\"CycloneDX\"") ? 90 : 0;
  }

  @Override
  public ParsedReport parse(ReportInput input, FindingSink sink) throws IOException {
    try (JsonCursor cursor = JsonCursor.open(input, EXPECTED)) {
      cursor.expect(JsonToken.START_OBJECT, EXPECTED);
      Bom bom = new Bom();
      long[] count = {0};
      cursor.forEachField(
          field -> {
            switch (field.name()) {
              case "bomFormat" -> {
                String format = field.text();
                if (!"CycloneDX".equals(format)) {
                  throw field.error(
                      "expected \"bomFormat\": \"CycloneDX\" but found \"" + format + "\"");
                }
                bom.formatSeen = true;
              }
              case "metadata" -> {
                bom.metadata = field.tree();
                bom.metadataSeen = true;
              }
              case "components" -> {
                field.forEachElement("components", c -> index(c.tree(), bom.components));
                bom.componentsSeen = true;
              }
              case "vulnerabilities" -> {
                if (!bom.componentsSeen || !bom.metadataSeen) {
                  readAhead(input, bom);
                }
                count[0] += readVulnerabilities(field, bom, input, sink);
              }
              default -> field.skip();
            }
          });
      if (!bom.formatSeen) {
        throw cursor.error("expected " + EXPECTED + ", but bomFormat is missing");
      }
      return new ParsedReport(input.name(), FORMAT, scanner(bom.metadata), count[0]);
    }
  }

  private static long readVulnerabilities(
      JsonCursor field, Bom bom, ReportInput input, FindingSink sink) throws IOException {
    CycloneDxVulnerabilities mapper =
        new CycloneDxVulnerabilities(
            input.name(), scanner(bom.metadata), target(bom.metadata, input), bom.components);
    long[] count = {0};
    field.forEachElement(
        "vulnerabilities",
        entry -> {
          String position = entry.position();
          count[0] += mapper.emit(entry.tree(), position, sink);
        });
    return count[0];
  }

  /** Reads metadata and components that this document writes after its vulnerabilities. */
  private static void readAhead(ReportInput input, Bom bom) throws IOException {
    Map<String, JsonNode> ahead = JsonCursor.topLevelFields(input, AHEAD);
    bom.metadata = ahead.getOrDefault("metadata", bom.metadata);
    for (JsonNode component : ahead.getOrDefault("components", MissingNode.getInstance())) {
      index(component, bom.components);
    }
    bom.componentsSeen = true;
    bom.metadataSeen = true;
  }

  /** Adds a component and its nested components to the index by {@code bom-ref}. */
  private static void index(JsonNode component, Map<String, PackageRef> components) {
    String ref = text(component, "bom-ref");
    if (!ref.isEmpty()) {
      components.put(ref, packageOf(component));
    }
    for (JsonNode nested : component.path("components")) {
      index(nested, components);
    }
  }

  private static PackageRef packageOf(JsonNode component) {
    String purl = text(component, "purl");
    String version = text(component, "version");
    Optional<Purl> parsed = Purl.parse(purl);
    if (parsed.isPresent()) {
      PackageRef ref = parsed.get().toPackage(purl);
      return version.isEmpty() || !ref.installedVersion().isEmpty()
          ? ref
          : new PackageRef(ref.name(), ref.ecosystem(), purl, version, ref.kind());
    }
    String group = text(component, "group");
    String name = group.isEmpty() ? text(component, "name") : group + ":" + text(component, "name");
    PackageKind kind =
        switch (text(component, "type")) {
          case "library", "framework" -> PackageKind.LIBRARY;
          case "container" -> PackageKind.IMAGE;
          case "application", "firmware", "device" -> PackageKind.APPLICATION;
          case "operating-system" -> PackageKind.OS;
          default -> PackageKind.UNKNOWN;
        };
    return new PackageRef(name, "", "", version, kind);
  }

  /** Returns the BOM's subject as the target; a VEX document without one is named by its file. */
  private static Target target(JsonNode metadata, ReportInput input) {
    JsonNode subject = metadata.path("component");
    String name = text(subject, "name");
    if (name.isBlank()) {
      return Target.unknown(input.name());
    }
    if ("container".equals(text(subject, "type"))) {
      return Target.image(imageName(subject, name));
    }
    return "file".equals(text(subject, "type")) || name.contains("/")
        ? Target.file(name)
        : Target.unknown(name);
  }

  /** Prefers the image reference Trivy records over the path of an image archive. */
  private static String imageName(JsonNode subject, String name) {
    for (JsonNode property : subject.path("properties")) {
      if ("aquasecurity:trivy:RepoTag".equals(text(property, "name"))) {
        return text(property, "value");
      }
    }
    String version = text(subject, "version");
    return version.isEmpty() || name.contains(":") ? name : name + ":" + version;
  }

  /** Returns the first tool: spec 1.4 lists tools, 1.5 and later list tool components. */
  private static ScannerInfo scanner(JsonNode metadata) {
    JsonNode tools = metadata.path("tools");
    JsonNode tool = tools.isArray() ? tools.path(0) : tools.path("components").path(0);
    return new ScannerInfo(text(tool, "name"), text(tool, "version"));
  }
}
