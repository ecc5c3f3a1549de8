package io.patchpipeline.engine.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads SARIF 2.1.0 logs of vulnerability scanners (Trivy, Snyk, Dependency-Check, Grype) as a
 * token stream: only one rule or one result is ever held as a tree. SARIF does not order the
 * members of a run, and Trivy writes the image name after the results, so a first pass reads each
 * run's tool and properties and a second pass streams the results.
 */
public final class SarifParser implements ReportParser {
  static final String FORMAT = "sarif";

  private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"2\\.1\\.0\"");

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public int detect(String head) {
    if (!head.contains("\"runs\"")) {
      return 0;
    }
    boolean schema = head.contains("\"$schema\"") && head.contains("sarif");
    return schema || VERSION.matcher(head).find() ? 100 : 0;
  }

  @Override
  public ParsedReport parse(ReportInput input, FindingSink sink) throws IOException {
    List<SarifRun> runs = new ArrayList<>();
    try (InputStream in = input.open();
        JsonParser json = Json.factory().createParser(in)) {
      try {
        readRuns(json, input.name(), runs, null);
      } catch (JsonProcessingException e) {
        throw invalid(input.name(), json, e);
      }
    }
    SarifFindings findings = new SarifFindings(input.name(), sink);
    try (InputStream in = input.open();
        JsonParser json = Json.factory().createParser(in)) {
      try {
        readRuns(json, input.name(), runs, findings);
      } catch (JsonProcessingException e) {
        throw invalid(input.name(), json, e);
      }
    }
    ScannerInfo scanner = runs.isEmpty() ? new ScannerInfo("", "") : runs.get(0).scanner();
    return new ParsedReport(input.name(), FORMAT, scanner, findings.count());
  }

  /**
   * Walks the log. Without {@code findings} it collects each run's tool into {@code runs}; with
   * them it passes each result of run N, described by {@code runs.get(N)}, to them.
   */
  private static void readRuns(
      JsonParser json, String file, List<SarifRun> runs, SarifFindings findings)
      throws IOException {
    if (json.nextToken() != JsonToken.START_OBJECT) {
      throw error(json, file, "expected a SARIF log: a JSON object with \"version\" and \"runs\"");
    }
    boolean sawRuns = false;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      if (field.equals("runs") && value == JsonToken.START_ARRAY) {
        sawRuns = true;
        for (int index = 0; json.nextToken() == JsonToken.START_OBJECT; index++) {
          readRun(json, file, index, runs, findings);
        }
      } else {
        json.skipChildren();
      }
    }
    if (!sawRuns) {
      throw error(json, file, "the SARIF log has no \"runs\" array; expected SARIF 2.1.0");
    }
  }

  private static void readRun(
      JsonParser json, String file, int index, List<SarifRun> runs, SarifFindings findings)
      throws IOException {
    SarifRun.Builder run = new SarifRun.Builder();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      if (findings == null && field.equals("tool") && value == JsonToken.START_OBJECT) {
        readTool(json, run);
      } else if (findings == null && field.equals("properties")) {
        run.properties(Json.mapper().readTree(json));
      } else if (findings != null && field.equals("results") && value == JsonToken.START_ARRAY) {
        while (json.nextToken() == JsonToken.START_OBJECT) {
          findings.add(runs.get(index), Json.mapper().readTree(json));
        }
      } else {
        json.skipChildren();
      }
    }
    if (json.currentToken() != JsonToken.END_OBJECT) {
      throw error(json, file, "expected the end of run " + index);
    }
    if (findings == null) {
      runs.add(run.build());
    }
  }

  private static void readTool(JsonParser json, SarifRun.Builder run) throws IOException {
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      if (!field.equals("driver") || value != JsonToken.START_OBJECT) {
        json.skipChildren();
        continue;
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String member = json.currentName();
        JsonToken memberValue = json.nextToken();
        if (member.equals("rules") && memberValue == JsonToken.START_ARRAY) {
          while (json.nextToken() == JsonToken.START_OBJECT) {
            run.rule(SarifRule.of(Json.mapper().readTree(json)));
          }
        } else if (memberValue.isScalarValue()) {
          run.driverField(member, json.getText());
        } else {
          json.skipChildren();
        }
      }
    }
  }

  /** Builds the error; a limit error carries no location of its own, so the parser's is used. */
  private static InputException invalid(String file, JsonParser json, JsonProcessingException e) {
    JsonLocation at = e.getLocation() == null ? json.currentLocation() : e.getLocation();
    String position = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
    return new InputException(
        file, position, "invalid JSON: " + e.getOriginalMessage() + "; expected a SARIF log", e);
  }

  private static InputException error(JsonParser json, String file, String problem) {
    JsonLocation at = json.currentLocation();
    return new InputException(
        file, "line " + at.getLineNr() + ", column " + at.getColumnNr(), problem);
  }
}
