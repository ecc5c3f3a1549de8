package io.patchpipeline.engine.verify;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.report.FileReportInput;
import io.patchpipeline.engine.report.Finding;
import io.patchpipeline.engine.report.FindingSink;
import io.patchpipeline.engine.report.ReportReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the files named in {@link VerifyOptions}. */
final class VerifyInputs {
  private VerifyInputs() {}

  /** Reads every installed-version file; files of the same host are merged. */
  static Map<String, HostInventory> inventories(List<VerifyOptions.InventoryInput> inputs)
      throws IOException {
    Map<String, HostInventory> hosts = new LinkedHashMap<>();
    for (VerifyOptions.InventoryInput input : inputs) {
      String name = input.file().toString();
      String text = Files.readString(input.file(), StandardCharsets.UTF_8);
      Map<String, HostInventory> read =
          switch (input.format()) {
            case ANSIBLE -> AnsibleFactsReader.read(text, input.host(), name);
            case DPKG ->
                Map.of(input.host(), PackageListReader.dpkgQuery(input.host(), text, name));
            case RPM -> Map.of(input.host(), PackageListReader.rpmQuery(input.host(), text, name));
            case APK -> Map.of(input.host(), PackageListReader.apkInfo(input.host(), text, name));
            case UNAME ->
                Map.of(
                    input.host(),
                    new HostInventory(
                        input.host(),
                        true,
                        "",
                        "",
                        "",
                        Map.of(),
                        PackageListReader.unameRelease(text, name),
                        "",
                        "uname"));
          };
      read.forEach((host, inventory) -> hosts.merge(host, inventory, HostInventory::mergedWith));
    }
    return hosts;
  }

  /** Reads OSV records ({@code .json}) and OVAL definitions ({@code .xml}). */
  static AdvisoryIndex advisories(List<Path> files) throws IOException {
    List<Advisory> advisories = new ArrayList<>();
    for (Path file : files) {
      String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
      if (name.endsWith(".json")) {
        advisories.addAll(
            AdvisoryReader.osv(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
      } else if (name.endsWith(".xml")) {
        try (InputStream in = Files.newInputStream(file)) {
          advisories.addAll(AdvisoryReader.debianOval(in, file.toString()));
        }
      } else {
        throw new InputException(
            file.toString(),
            "",
            "unknown advisory format: expected an OSV .json or an OVAL .xml file");
      }
    }
    return new AdvisoryIndex(advisories);
  }

  /** Reads the re-scan reports with every known parser. */
  static List<Finding> rescan(List<Path> reports) throws IOException {
    ReportReader reader = ReportReader.withAllFormats();
    List<Finding> findings = new ArrayList<>();
    FindingSink sink = findings::add;
    for (Path report : reports) {
      reader.read(FileReportInput.of(report), sink);
    }
    return findings;
  }
}
