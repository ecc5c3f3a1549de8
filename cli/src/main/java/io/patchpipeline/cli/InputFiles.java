package io.patchpipeline.cli;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.evidence.EvidenceSigner;
import io.patchpipeline.engine.service.SigningKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
   * Returns the signer of {@code --signing-key-file} (an Ed25519 PEM key or an HMAC-SHA256 key, see
   * {@link SigningKeys}), empty when the option is not given, or rejects a missing, unreadable,
   * invalid or too short key file.
   */
  static Optional<EvidenceSigner> signer(Path keyFile) throws IOException {
    if (keyFile == null) {
      return Optional.empty();
    }
    byte[] key = Files.readAllBytes(requireFile("--signing-key-file", keyFile));
    boolean pem = new String(key, StandardCharsets.US_ASCII).strip().startsWith("-----BEGIN");
    if (!pem && key.length < MIN_KEY_BYTES) {
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
    try {
      return Optional.of(SigningKeys.signer(key));
    } catch (IllegalArgumentException e) {
      throw new InputException(
          "--signing-key-file", "", Terminal.safe(keyFile.toString()) + ": " + e.getMessage(), e);
    }
  }
}
