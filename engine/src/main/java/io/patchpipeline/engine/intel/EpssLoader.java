package io.patchpipeline.engine.intel;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.JsonProblems;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

/**
 * Loads FIRST EPSS scores from daily CSV files (plain or gzip, see {@link EpssCsvReader}) or API
 * JSON (see {@link EpssJsonReader}); the format is recognized from the content, not the file name.
 * Several files, such as a score set split by CVE year, merge into one table.
 */
public final class EpssLoader {
  private static final Pattern DATED_FILE_NAME =
      Pattern.compile("epss_scores-(\\d{4}-\\d{2}-\\d{2})\\.csv(\\.gz)?");

  private EpssLoader() {}

  public static LoadedFeed<EpssTable> load(Path file) {
    return load(List.of(file));
  }

  /**
   * Loads and merges {@code files}. The model version and score date come from the first file that
   * states them; when none does, the score date is taken from a FIRST file name such as {@code
   * epss_scores-2021-04-14.csv.gz}.
   *
   * @throws InputException when a file cannot be read, a row is invalid, a CVE is listed twice or
   *     the files hold no scores
   */
  public static LoadedFeed<EpssTable> load(List<Path> files) {
    EpssTableBuilder builder = new EpssTableBuilder();
    List<FeedFile> read = new ArrayList<>();
    for (Path file : files) {
      read.add(FeedFile.local(file.toString(), readFile(file, builder)));
    }
    String note = "";
    if (!builder.hasScoreDate()) {
      Optional<LocalDate> dated = dateFromFileName(files);
      builder.describe("", dated);
      note = dated.isPresent() ? "score date taken from the file name" : "";
    }
    if (builder.size() == 0) {
      throw new InputException(
          String.join(", ", files.stream().map(Path::toString).toList()),
          "",
          "no EPSS scores found; expected rows such as CVE-2021-44228,0.94358,0.99957");
    }
    PackedEpssTable table = builder.build();
    FeedInfo info =
        new FeedInfo(
            FeedInfo.EPSS, table.modelVersion(), table.scoreDate(), table.size(), read, note);
    return new LoadedFeed<>(table, info);
  }

  private static String readFile(Path file, EpssTableBuilder builder) {
    String name = file.toString();
    builder.startFile(name);
    try (FeedInput input = FeedInput.open(file)) {
      int first = input.peekFirstCharacter();
      if (first == '{' || first == '[') {
        new EpssJsonReader(name, builder).read(input.content());
      } else {
        new EpssCsvReader(name, builder).read(input.content());
      }
      return input.sha256();
    } catch (JsonProcessingException e) {
      throw JsonProblems.error(name, "invalid EPSS JSON", e);
    } catch (EOFException | ZipException e) {
      throw new InputException(
          name, "", "the gzip data is truncated or corrupt; download the file again", e);
    } catch (IOException e) {
      throw new InputException(name, "", "cannot read the EPSS file: " + e.getMessage(), e);
    }
  }

  private static Optional<LocalDate> dateFromFileName(List<Path> files) {
    for (Path file : files) {
      Path name = file.getFileName();
      Matcher matcher = DATED_FILE_NAME.matcher(name == null ? "" : name.toString());
      if (matcher.matches()) {
        try {
          return Optional.of(LocalDate.parse(matcher.group(1)));
        } catch (java.time.format.DateTimeParseException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }
}
