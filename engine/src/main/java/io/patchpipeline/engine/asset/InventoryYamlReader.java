package io.patchpipeline.engine.asset;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Json;
import java.io.IOException;
import java.io.Reader;

/**
 * Streams a YAML (or JSON) inventory: a mapping with an {@code assets} list, or the list alone.
 * Each asset is a mapping of the fields {@link EntryBuilder#FIELDS}; a pattern field has one value
 * or a list. A field it does not know is an error, because it is most likely a typo.
 */
final class InventoryYamlReader {
  private final String file;
  private final InventoryBuilder inventory;
  private JsonParser parser;

  InventoryYamlReader(String file, InventoryBuilder inventory) {
    this.file = file;
    this.inventory = inventory;
  }

  void read(Reader reader) throws IOException {
    try (JsonParser yaml = Json.yaml().getFactory().createParser(reader)) {
      parser = yaml;
      JsonToken token = yaml.nextToken();
      if (token == JsonToken.START_ARRAY) {
        readAssets();
      } else if (token == JsonToken.START_OBJECT) {
        readTop();
      } else {
        throw error(
            token == null ? "the inventory is empty" : "the inventory is not a mapping",
            "expected a mapping with an assets list");
      }
    }
  }

  private void readTop() throws IOException {
    boolean sawAssets = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (name.equals("assets") && value == JsonToken.START_ARRAY) {
        sawAssets = true;
        readAssets();
      } else if (name.equals("assets")) {
        throw error("assets is not a list", "expected a list of asset mappings");
      } else {
        throw error("unknown top-level field '" + name + "'", "expected assets");
      }
    }
    if (!sawAssets) {
      throw error("the inventory has no assets list", "expected assets: followed by a list");
    }
  }

  private void readAssets() throws IOException {
    for (JsonToken token = parser.nextToken();
        token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      if (token != JsonToken.START_OBJECT) {
        throw error("an asset is not a mapping", "expected fields such as id: and hostnames:");
      }
      EntryBuilder entry = new EntryBuilder(file, position(parser.currentTokenLocation()), false);
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        readField(entry, parser.currentName());
      }
      inventory.add(entry);
    }
  }

  private void readField(EntryBuilder entry, String name) throws IOException {
    String key = position(parser.currentTokenLocation());
    JsonToken value = parser.nextToken();
    String at = position(parser.currentTokenLocation());
    PatternKind kind = PatternKind.forKey(name);
    if (value == JsonToken.START_ARRAY && kind != null) {
      for (JsonToken item = parser.nextToken();
          item != JsonToken.END_ARRAY;
          item = parser.nextToken()) {
        if (!item.isScalarValue()) {
          throw error("an item of " + name + " is not a single value", "expected a list of text");
        }
        entry.addPatterns(
            kind, parser.getValueAsString(""), position(parser.currentTokenLocation()));
      }
    } else if (!value.isScalarValue()) {
      throw error("field '" + name + "' is not a single value", "expected text");
    } else if (!entry.set(name, parser.getValueAsString(""), at)) {
      throw new InputException(
          file, key, "unknown field '" + name + "'; expected one of " + EntryBuilder.FIELDS);
    }
  }

  private InputException error(String problem, String expected) {
    return new InputException(
        file, position(parser.currentTokenLocation()), problem + "; " + expected);
  }

  static String position(JsonLocation location) {
    return location == null
        ? ""
        : "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
