package io.patchpipeline.engine.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.core.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads distribution advisories: Debian DSA and DLA records in OSV JSON form, and Debian OVAL
 * definitions, whose criteria name the package and its first fixed version in their comments.
 */
public final class AdvisoryReader {
  private static final Pattern OSV_ECOSYSTEM = Pattern.compile("([A-Za-z]+):(\\d+)(?:\\.\\d+)?");
  private static final Pattern OVAL_PLATFORM = Pattern.compile("Debian GNU/Linux (\\d+)");
  private static final Pattern OVAL_CRITERION =
      Pattern.compile("(\\S+) DPKG is earlier than (\\S+)");

  private AdvisoryReader() {}

  /** Reads one OSV record; every affected package with an ECOSYSTEM {@code fixed} event counts. */
  public static List<Advisory> osv(String json, String file) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new InputException(file, "", "invalid JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.path("id").isTextual()) {
      throw new InputException(file, "/id", "expected an OSV record with an id");
    }
    List<String> cves = new ArrayList<>();
    root.path("related").forEach(id -> addCve(cves, id.asText()));
    root.path("aliases").forEach(id -> addCve(cves, id.asText()));
    addCve(cves, root.path("id").asText());
    List<Advisory> advisories = new ArrayList<>();
    for (JsonNode affected : root.path("affected")) {
      Matcher ecosystem =
          OSV_ECOSYSTEM.matcher(affected.path("package").path("ecosystem").asText(""));
      if (!ecosystem.matches()) {
        continue;
      }
      String name = affected.path("package").path("name").asText("");
      for (JsonNode range : affected.path("ranges")) {
        for (JsonNode event : range.path("events")) {
          if (event.has("fixed") && "ECOSYSTEM".equals(range.path("type").asText())) {
            advisories.add(
                new Advisory(
                    root.get("id").asText(),
                    ecosystem.group(1).toLowerCase(Locale.ROOT),
                    ecosystem.group(2),
                    name,
                    cves,
                    event.get("fixed").asText()));
          }
        }
      }
    }
    return advisories;
  }

  private static void addCve(List<String> cves, String id) {
    String upper = id.toUpperCase(Locale.ROOT);
    if (upper.startsWith("CVE-") && !cves.contains(upper)) {
      cves.add(upper);
    }
  }

  /** Streams Debian OVAL definitions and returns one advisory per fixed-version criterion. */
  public static List<Advisory> debianOval(InputStream in, String file) {
    XMLStreamReader reader = SecureXml.open(in, file);
    List<Advisory> advisories = new ArrayList<>();
    OvalDefinition current = null;
    try {
      while (reader.hasNext()) {
        if (reader.next() != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        switch (reader.getLocalName()) {
          case "definition" -> current = new OvalDefinition(reader.getAttributeValue(null, "id"));
          case "platform" -> current = withPlatform(current, readText(reader));
          case "reference" -> addReference(current, reader);
          case "criterion" -> addCriterion(current, reader, advisories);
          default -> {
            // Other elements carry nothing that decides a fixed version.
          }
        }
      }
      reader.close();
    } catch (XMLStreamException e) {
      throw new InputException(
          file, SecureXml.position(e), "invalid OVAL XML: " + e.getMessage(), e);
    }
    return advisories;
  }

  private static String readText(XMLStreamReader reader) throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    while (reader.next() == XMLStreamConstants.CHARACTERS) {
      text.append(reader.getText());
    }
    return text.toString().trim();
  }

  private static OvalDefinition withPlatform(OvalDefinition current, String platform) {
    Matcher matcher = OVAL_PLATFORM.matcher(platform);
    if (current != null && matcher.find()) {
      current.release = matcher.group(1);
    }
    return current;
  }

  private static void addReference(OvalDefinition current, XMLStreamReader reader) {
    if (current != null && "CVE".equals(reader.getAttributeValue(null, "source"))) {
      addCve(current.cves, reader.getAttributeValue(null, "ref_id"));
    }
  }

  private static void addCriterion(
      OvalDefinition current, XMLStreamReader reader, List<Advisory> out) {
    String comment = reader.getAttributeValue(null, "comment");
    Matcher matcher = OVAL_CRITERION.matcher(comment == null ? "" : comment);
    if (current != null && matcher.matches() && !current.release.isEmpty()) {
      out.add(
          new Advisory(
              current.id,
              "debian",
              current.release,
              matcher.group(1),
              current.cves,
              matcher.group(2)));
    }
  }

  /** The parts of one OVAL definition read so far. */
  private static final class OvalDefinition {
    final String id;
    final List<String> cves = new ArrayList<>();
    String release = "";

    OvalDefinition(String id) {
      this.id = id == null ? "" : id;
    }
  }
}
