package io.patchpipeline.engine.intel;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Reads EPSS scores from FIRST API JSON, where numbers are strings: the response envelope {@code
 * {"status":"OK","data":[{"cve":..,"epss":..,"percentile":..,"date":..}]}}, a bare array of such
 * elements, or one element alone. Fields it does not know are skipped. The score date is the latest
 * {@code date} of the elements, and the model version is taken from a {@code model_version} field
 * where the response carries one.
 */
final class EpssJsonReader {
  private final String file;
  private final EpssTableBuilder builder;
  private LocalDate latestDate;
  private String modelVersion = "";
  private String status = "";
  private String statusMessage = "";
  private JsonParser parser;

  EpssJsonReader(String file, EpssTableBuilder builder) {
    this.file = file;
    this.builder = builder;
  }

  void read(InputStream in) throws IOException {
    try (JsonParser json = Json.factory().createParser(in)) {
      parser = json;
      JsonToken token = json.nextToken();
      if (token == JsonToken.START_ARRAY) {
        readElements();
      } else if (token == JsonToken.START_OBJECT) {
        readObject();
      } else {
        throw error("expected a JSON object or array of EPSS scores");
      }
      checkStatus();
      builder.describe(modelVersion, Optional.ofNullable(latestDate));
    }
  }

  /** Reads the envelope or a lone element; which one it is shows from the fields present. */
  private void readObject() throws IOException {
    Element element = new Element(parser.currentTokenLocation());
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (name.equals("data") && value == JsonToken.START_ARRAY) {
        readElements();
      } else if (name.equals("status")) {
        status = parser.getValueAsString("");
      } else if (name.equals("message")) {
        statusMessage = parser.getValueAsString("");
      } else if (!element.read(name)) {
        parser.skipChildren();
      }
    }
    if (element.cve != null) {
      element.add();
    }
  }

  private void readElements() throws IOException {
    for (JsonToken token = parser.nextToken();
        token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      if (token != JsonToken.START_OBJECT) {
        throw error("expected an object {\"cve\":..,\"epss\":..,\"percentile\":..}");
      }
      Element element = new Element(parser.currentTokenLocation());
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        if (!element.read(name)) {
          parser.skipChildren();
        }
      }
      element.add();
    }
  }

  private void checkStatus() {
    if (!status.isEmpty() && !status.equalsIgnoreCase("OK")) {
      throw new InputException(
          file,
          "",
          "the EPSS API response has status '"
              + status
              + "'"
              + (statusMessage.isEmpty() ? "" : " (" + statusMessage + ")")
              + "; expected status OK");
    }
  }

  private InputException error(String problem) {
    return new InputException(file, position(parser.currentTokenLocation()), problem);
  }

  static String position(JsonLocation location) {
    if (location == null) {
      return "";
    }
    return "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /** The fields of one {@code data[]} element as they are read. */
  private final class Element {
    private final JsonLocation start;
    private String cve;
    private String epss;
    private String percentile;

    Element(JsonLocation start) {
      this.start = start;
    }

    /** Reads the current value if {@code name} is a field of an element; false otherwise. */
    boolean read(String name) throws IOException {
      switch (name) {
        case "cve" -> cve = parser.getValueAsString();
        case "epss" -> epss = parser.getValueAsString();
        case "percentile" -> percentile = parser.getValueAsString();
        case "date" -> readDate(parser.getValueAsString());
        case "model_version" -> modelVersion = parser.getValueAsString("");
        default -> {
          return false;
        }
      }
      return true;
    }

    private void readDate(String text) {
      if (text == null) {
        return;
      }
      LocalDate date =
          EpssModelLine.parseDate(text, "date", file, position(parser.currentTokenLocation()));
      if (latestDate == null || date.isAfter(latestDate)) {
        latestDate = date;
      }
    }

    void add() {
      String where = position(start);
      long key = CveIds.pack(cve == null ? "" : cve.trim());
      if (key == CveIds.INVALID) {
        throw new InputException(
            file,
            where,
            cve == null
                ? "the element has no cve field; expected {\"cve\":\"CVE-YYYY-NNNN\",\"epss\":..}"
                : "'" + cve + "' is not a CVE id; expected CVE-YYYY-NNNN such as CVE-2021-44228");
      }
      if (epss == null) {
        throw new InputException(
            file, where, cve + " has no epss field; expected a score from 0 to 1");
      }
      int score = EpssValues.parse(epss.trim(), "EPSS score", file, where);
      int rank =
          percentile == null
              ? PackedEpssTable.NO_PERCENTILE
              : EpssValues.parse(percentile.trim(), "percentile", file, where);
      builder.add(key, score, rank, (int) start.getLineNr());
    }
  }
}
