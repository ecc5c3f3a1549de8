package io.patchpipeline.engine.service;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.verify.InventoryFormat;
import io.patchpipeline.engine.verify.VerifyOptions.InventoryInput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Expands installed-version files and globs and detects each file's format and host. With the
 * format {@code auto}, a {@code .json} file is Ansible {@code package_facts} output, which names
 * its hosts, and a file named {@code HOST.dpkg.txt}, {@code HOST.rpm.txt}, {@code HOST.apk.txt} or
 * {@code HOST.uname.txt} (the {@code .txt} is optional) is that command's output for host {@code
 * HOST}. With a named format, every file has that format and its name up to the first dot is the
 * host.
 */
public final class InventoryFiles {
  /** The format value that detects each file's format from its name. */
  public static final String AUTO = "auto";

  private InventoryFiles() {}

  /**
   * Expands {@code patterns} relative to {@code baseDir} and returns one input per file.
   *
   * @param format {@code auto} or an {@link InventoryFormat} name in any case
   * @throws InputException when a pattern matches nothing, the format is unknown, or a file's
   *     format cannot be detected from its name
   */
  public static List<InventoryInput> resolve(Path baseDir, List<String> patterns, String format)
      throws IOException {
    String chosen = format == null || format.isBlank() ? AUTO : format.trim();
    InventoryFormat fixed = chosen.equalsIgnoreCase(AUTO) ? null : parse(chosen);
    List<InventoryInput> inputs = new ArrayList<>();
    for (Path file : ReportFiles.resolve(baseDir, patterns)) {
      inputs.add(fixed == null ? detect(baseDir, file) : named(file, fixed));
    }
    return inputs;
  }

  /** Returns the format called {@code name}, in any case. */
  public static InventoryFormat parse(String name) {
    try {
      return InventoryFormat.valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InputException(
          "installedFormat",
          "",
          "unknown format '" + name + "'; expected auto, ansible, dpkg, rpm, apk or uname");
    }
  }

  private static InventoryInput detect(Path baseDir, Path file) {
    String name = String.valueOf(file.getFileName());
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".json")) {
      return new InventoryInput(file, InventoryFormat.ANSIBLE, "");
    }
    String stem = lower.endsWith(".txt") ? name.substring(0, name.length() - 4) : name;
    int dot = stem.lastIndexOf('.');
    if (dot > 0) {
      String extension = stem.substring(dot + 1).toUpperCase(Locale.ROOT);
      for (InventoryFormat format : InventoryFormat.values()) {
        if (format != InventoryFormat.ANSIBLE && format.name().equals(extension)) {
          return new InventoryInput(file, format, stem.substring(0, dot));
        }
      }
    }
    throw new InputException(
        ReportFiles.relative(baseDir, file),
        "",
        "cannot detect the installed-version format from the file name; name it HOST.dpkg.txt,"
            + " HOST.rpm.txt, HOST.apk.txt, HOST.uname.txt or *.json (Ansible package_facts), or"
            + " set the format");
  }

  private static InventoryInput named(Path file, InventoryFormat format) {
    String name = String.valueOf(file.getFileName());
    int dot = name.indexOf('.');
    if (format == InventoryFormat.ANSIBLE) {
      return new InventoryInput(file, format, "");
    }
    return new InventoryInput(file, format, dot > 0 ? name.substring(0, dot) : name);
  }
}
