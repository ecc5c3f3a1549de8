package io.patchpipeline.engine.verify;

import io.patchpipeline.engine.core.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the package lists that deployers collect with the distribution's own tools. Each method
 * takes the command's output as text and the name of the file it came from, for error messages.
 */
public final class PackageListReader {
  private static final Pattern APK_ENTRY = Pattern.compile("(.+?)-(\\d[^-\\s]*-r\\d+)");
  private static final Pattern APK_ORIGIN = Pattern.compile("\\{([^}]*)}");

  private PackageListReader() {}

  /**
   * Reads {@code dpkg-query -W -f='${Package} ${Version}\n'} output; a third column, when present,
   * is the architecture. A {@code name:arch} package name is split at the colon.
   */
  public static HostInventory dpkgQuery(String host, String text, String file) {
    List<InstalledPackage> installed = new ArrayList<>();
    forEachLine(
        text,
        (fields, line) -> {
          requireFields(fields, 2, file, line, "'PACKAGE VERSION', as dpkg-query -W prints it");
          String name = fields[0];
          String arch = fields.length > 2 ? fields[2] : "";
          int colon = name.indexOf(':');
          if (colon > 0) {
            arch = name.substring(colon + 1);
            name = name.substring(0, colon);
          }
          installed.add(new InstalledPackage(name, fields[1], arch, ""));
        });
    return HostInventory.of(host, installed, "dpkg-query").withDistribution("debian", "");
  }

  /**
   * Reads {@code rpm -qa --qf '%{NAME} %{EPOCH}:%{VERSION}-%{RELEASE}\n'} output; an epoch of
   * {@code (none)} is dropped, and a third column, when present, is the architecture.
   */
  public static HostInventory rpmQuery(String host, String text, String file) {
    List<InstalledPackage> installed = new ArrayList<>();
    forEachLine(
        text,
        (fields, line) -> {
          requireFields(fields, 2, file, line, "'NAME EPOCH:VERSION-RELEASE'");
          String version = fields[1].startsWith("(none):") ? fields[1].substring(7) : fields[1];
          if (!version.contains("-")) {
            throw new InputException(
                file,
                "line " + line,
                "expected VERSION-RELEASE after the name, found '" + version + "'");
          }
          installed.add(
              new InstalledPackage(fields[0], version, fields.length > 2 ? fields[2] : "", ""));
        });
    return HostInventory.of(host, installed, "rpm").withDistribution("rpm", "");
  }

  /**
   * Reads {@code apk info -v} output ({@code musl-1.2.4-r2}) or {@code apk list --installed} output
   * ({@code musl-1.2.4-r2 x86_64 {musl} (MIT) [installed]}), whose origin is the source.
   */
  public static HostInventory apkInfo(String host, String text, String file) {
    List<InstalledPackage> installed = new ArrayList<>();
    forEachLine(
        text,
        (fields, line) -> {
          if (fields[0].startsWith("WARNING:")) {
            return;
          }
          Matcher entry = APK_ENTRY.matcher(fields[0]);
          if (!entry.matches()) {
            throw new InputException(
                file,
                "line " + line,
                "expected NAME-VERSION-rN such as musl-1.2.4-r2, found '" + fields[0] + "'");
          }
          String arch = fields.length > 1 ? fields[1] : "";
          Matcher origin = APK_ORIGIN.matcher(String.join(" ", fields));
          String source = origin.find() ? origin.group(1) : "";
          installed.add(new InstalledPackage(entry.group(1), entry.group(2), arch, source));
        });
    return HostInventory.of(host, installed, "apk").withDistribution("alpine", "");
  }

  /** Returns the kernel release from {@code uname -r} output: its first non-empty line. */
  public static String unameRelease(String text, String file) {
    return text.lines()
        .map(String::trim)
        .filter(line -> !line.isEmpty())
        .findFirst()
        .orElseThrow(
            () ->
                new InputException(
                    file, "line 1", "expected the output of uname -r, found nothing"));
  }

  /** Handler of one non-empty line split at whitespace. */
  private interface LineHandler {
    void accept(String[] fields, int lineNumber);
  }

  private static void forEachLine(String text, LineHandler handler) {
    int number = 0;
    for (String line : text.split("\\R", -1)) {
      number++;
      String trimmed = line.trim();
      if (!trimmed.isEmpty()) {
        handler.accept(trimmed.split("\\s+"), number);
      }
    }
  }

  private static void requireFields(
      String[] fields, int count, String file, int line, String expected) {
    if (fields.length < count) {
      throw new InputException(
          file,
          "line " + line,
          "expected " + expected + ", found '" + String.join(" ", fields) + "'");
    }
  }
}
