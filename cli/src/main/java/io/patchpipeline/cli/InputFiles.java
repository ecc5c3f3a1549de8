package io.patchpipeline.cli;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.evidence.EvidenceSigner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Checks the files that options name before a command starts its work. */
final class InputFiles {
  /** The minimum length of an HMAC-SHA256 evidence key, as {@link EvidenceSigner#hmac} requires. */
  static final int MIN_KEY_BYTES = 16;

  private InputFiles() {}

  /**
   * Returns {@code path} when it is a readable regular file, or rejects it naming {@code option}.
   */
  static Path requireFile(String option, Path path) {
    String shown = Terminal.safe(path.toString());
    if (Files.isDirectory(path)) {
      throw new InputException(option, "", shown + ": is a folder, expected a file");
    }
    if (!Files.exists(path)) {
      throw new InputException(option, "", shown + ": file not found");
    }
    if (!Files.isRegularFile(path)) {
      throw new InputException(
          option, "", shown + ": is not a regular file (such as a device or a fifo)");
    }
    if (!Files.isReadable(path)) {
      throw new InputException(option, "", shown + ": cannot be read; check its permissions");
    }
    return path;
  }

  /**
   * Returns the HMAC-SHA256 signer of {@code --signing-key-file}, empty when the option is not
   * given, or rejects a missing, unreadable or too short key file.
   */
  static Optional<EvidenceSigner> signer(Path keyFile) throws IOException {
    if (keyFile == null) {
      return Optional.empty();
    }
    byte[] key = Files.readAllBytes(requireFile("--signing-key-file", keyFile));
    if (key.length < MIN_KEY_BYTES) {
      throw new InputException(
          "--signing-key-file",
          "",
          Terminal.safe(keyFile.toString())
              + ": the key has "
              + key.length
              + " bytes; an HMAC-SHA256 key needs at least "
              + MIN_KEY_BYTES
              + ", such as the output of 'openssl rand 32'");
    }
    return Optional.of(EvidenceSigner.hmac(key));
  }
}
