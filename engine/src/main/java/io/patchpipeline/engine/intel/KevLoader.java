package io.patchpipeline.engine.intel;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.JsonProblems;
import io.patchpipeline.engine.core.Messages;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipException;

/**
 * Loads the CISA Known Exploited Vulnerabilities catalog from its JSON or CSV layout, plain or
 * gzip. The layout is recognized from the content, not the file name.
 */
public final class KevLoader {
  private KevLoader() {}

  /**
   * Loads {@code file}; warnings (a count that does not match, a CVE listed twice) go to {@code
   * messages}.
   *
   * @throws InputException when the file cannot be read or an entry is invalid
   */
  public static LoadedFeed<KevCatalog> load(Path file, Messages messages) {
    String name = file.toString();
    try (FeedInput input = FeedInput.open(file)) {
      int first = input.peekFirstCharacter();
      if (first < 0) {
        throw new InputException(name, "", "the file is empty; expected the KEV catalog");
      }
      boolean json = first == '{' || first == '[';
      KevTable table =
          json
              ? new KevJsonReader(name, messages).read(input.content())
              : new KevCsvReader(name, messages).read(input.content());
      FeedInfo info =
          new FeedInfo(
              FeedInfo.KEV,
              table.catalogVersion(),
              table.dateReleased(),
              table.size(),
              List.of(FeedFile.local(name, input.sha256())),
              json ? "" : KevCsvReader.DERIVED_VERSION_NOTE);
      return new LoadedFeed<>(table, info);
    } catch (JsonProcessingException e) {
      throw JsonProblems.error(name, "invalid KEV JSON", e);
    } catch (EOFException | ZipException e) {
      throw new InputException(
          name, "", "the gzip data is truncated or corrupt; download the file again", e);
    } catch (IOException e) {
      throw new InputException(name, "", "cannot read the KEV file: " + e.getMessage(), e);
    }
  }
}
