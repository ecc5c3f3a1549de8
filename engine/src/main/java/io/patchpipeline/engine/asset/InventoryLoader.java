package io.patchpipeline.engine.asset;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.JsonProblems;
import io.patchpipeline.engine.core.Messages;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Loads an inventory file: CSV when the name ends in {@code .csv}, else YAML (which also reads
 * JSON). The formats are described in {@code docs/inventory.md}.
 */
public final class InventoryLoader {
  private InventoryLoader() {}

  /**
   * Loads {@code file}; warnings (ignored columns, a pattern listed by two assets) go to {@code
   * messages}.
   *
   * @throws InputException when the file cannot be read or an entry is invalid
   */
  public static FileInventory load(Path file, Messages messages) {
    String name = file.toString();
    InventoryBuilder inventory = new InventoryBuilder(name, messages);
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
        new InventoryCsvReader(name, inventory, messages).read(reader);
      } else {
        new InventoryYamlReader(name, inventory).read(reader);
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      String problem = JsonProblems.problem(e, null);
      if (problem.contains("larger than the limit")) {
        problem += "; use CSV for large inventories (docs/inventory.md)";
      }
      throw new InputException(name, JsonProblems.position(e), problem, e);
    } catch (IOException e) {
      throw new InputException(name, "", "cannot read the inventory: " + e.getMessage(), e);
    }
    return inventory.build();
  }
}
