package io.patchpipeline.engine.evidence;

import io.patchpipeline.engine.core.Hashing;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.record.InputFile;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RemediationUnit;
import io.patchpipeline.engine.record.UnitFinding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the report files that found a unit's vulnerabilities, for its evidence bundle, and checks
 * each against the SHA-256 the record stored, so a bundle never contains a report other than the
 * one detection read.
 */
public final class BeforeScans {
  private BeforeScans() {}

  /**
   * Returns the before-scans of {@code unit}: the record's report inputs named by the unit's
   * findings. Each is looked up at its stored {@code path}, then by its name beside the record,
   * then by its name in the working folder.
   *
   * @throws InputException naming the file when none of those exists or its SHA-256 differs
   */
  // NOTE: the hash is checked here and the file is copied later by EvidenceWriter, so a report
  // changed between the two calls is copied unchecked. The bundle's manifest shows its new hash.
  public static List<Path> of(PatchRecord record, Path recordFile, RemediationUnit unit) {
    Set<String> names = new LinkedHashSet<>();
    for (String findingId : unit.findingIds()) {
      record.finding(findingId).map(UnitFinding::reports).ifPresent(names::addAll);
    }
    List<Path> scans = new ArrayList<>();
    for (InputFile input : record.inputs()) {
      if (input.role().equals("report") && names.contains(input.name())) {
        scans.add(checked(input, recordFile));
      }
    }
    return scans;
  }

  private static Path checked(InputFile input, Path recordFile) {
    List<Path> candidates = new ArrayList<>();
    if (!input.path().isEmpty()) {
      candidates.add(Path.of(input.path()));
    }
    Path folder = recordFile.toAbsolutePath().getParent();
    if (folder != null) {
      candidates.add(folder.resolve(input.name()));
    }
    candidates.add(Path.of(input.name()));
    Optional<Path> found = candidates.stream().filter(Files::isRegularFile).findFirst();
    if (found.isEmpty()) {
      throw new InputException(
          input.name(),
          "",
          "before-scan not found at "
              + candidates
              + "; restore the report that detection read, or write evidence without it");
    }
    String actual = Hashing.sha256(found.get());
    if (!actual.equalsIgnoreCase(input.sha256())) {
      throw new InputException(
          found.get().toString(),
          "",
          "before-scan SHA-256 is "
              + actual
              + " but the record stored "
              + input.sha256()
              + "; the report changed after detection, so it is not put into the evidence");
    }
    return found.get();
  }
}
