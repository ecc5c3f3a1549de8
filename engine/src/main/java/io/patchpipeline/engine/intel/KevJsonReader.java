package io.patchpipeline.engine.intel;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.core.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Streams the CISA KEV JSON catalog ({@code catalogVersion}, {@code dateReleased}, {@code count},
 * {@code vulnerabilities[]}); fields it does not know, at any level, are skipped.
 */
final class KevJsonReader {
  private final String file;
  private final Messages messages;
  private final KevEntryReader entries;
  private String catalogVersion = "";
  private Optional<LocalDate> dateReleased = Optional.empty();
  private int count = -1;
  private boolean sawVulnerabilities;
  private JsonParser parser;

  KevJsonReader(String file, Messages messages) {
    this.file = file;
    this.messages = messages;
    this.entries = new KevEntryReader(file, messages);
  }

  KevTable read(InputStream in) throws IOException {
    try (JsonParser json = Json.factory().createParser(in)) {
      parser = json;
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw error(
            "expected the KEV catalog object {\"catalogVersion\":..,\"vulnerabilities\":[..]}");
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        readField(json.currentName(), json.nextToken());
      }
    }
    if (!sawVulnerabilities) {
      throw new InputException(
          file, "", "no vulnerabilities array found; expected the CISA KEV catalog JSON");
    }
    if (count >= 0 && count != entries.size()) {
      messages.warning(
          file
              + ": the catalog's count is "
              + count
              + " but it lists "
              + entries.size()
              + " distinct CVEs");
    }
    return new KevTable(entries.entries(), catalogVersion, dateReleased);
  }

  private void readField(String name, JsonToken value) throws IOException {
    switch (name) {
      case "catalogVersion" -> catalogVersion = parser.getValueAsString("");
      case "dateReleased" -> dateReleased = readDateReleased(parser.getValueAsString(""));
      case "count" -> count = parser.getValueAsInt(-1);
      case "vulnerabilities" -> readVulnerabilities(value);
      default -> parser.skipChildren();
    }
  }

  private Optional<LocalDate> readDateReleased(String text) {
    if (text.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        EpssModelLine.parseDate(
            text, "dateReleased", file, EpssJsonReader.position(parser.currentTokenLocation())));
  }

  private void readVulnerabilities(JsonToken value) throws IOException {
    if (value != JsonToken.START_ARRAY) {
      throw error("vulnerabilities is not an array; expected [{\"cveID\":..}, ..]");
    }
    sawVulnerabilities = true;
    for (JsonToken token = parser.nextToken();
        token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      if (token != JsonToken.START_OBJECT) {
        throw error("expected a vulnerability object {\"cveID\":..}");
      }
      String at = EpssJsonReader.position(parser.currentTokenLocation());
      Map<String, String> fields = new HashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        if (parser.nextToken().isScalarValue()) {
          fields.put(name, parser.getValueAsString(""));
        } else {
          parser.skipChildren();
        }
      }
      entries.add(fields, at);
    }
  }

  private InputException error(String problem) {
    return new InputException(
        file, EpssJsonReader.position(parser.currentTokenLocation()), problem);
  }
}
