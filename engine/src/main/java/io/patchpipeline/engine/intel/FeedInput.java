package io.patchpipeline.engine.intel;

import io.patchpipeline.engine.core.Hashing;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * A feed file opened for reading: gzip is recognized by its magic bytes and unpacked, and the
 * SHA-256 of the file's bytes as stored is computed while the content is read.
 */
final class FeedInput implements Closeable {
  private static final int BUFFER = 64 * 1024;
  private static final int GZIP_MAGIC_1 = 0x1f;
  private static final int GZIP_MAGIC_2 = 0x8b;
  private static final int PEEK_LIMIT = 8 * 1024;

  private final DigestInputStream raw;
  private final BufferedInputStream content;
  private final boolean gzip;

  private FeedInput(DigestInputStream raw, BufferedInputStream content, boolean gzip) {
    this.raw = raw;
    this.content = content;
    this.gzip = gzip;
  }

  static FeedInput open(Path file) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(Files.newInputStream(file), BUFFER);
    try {
      buffered.mark(2);
      boolean gzip = buffered.read() == GZIP_MAGIC_1 && buffered.read() == GZIP_MAGIC_2;
      buffered.reset();
      DigestInputStream raw = new DigestInputStream(buffered, Hashing.sha256());
      InputStream unpacked = gzip ? new GZIPInputStream(raw, BUFFER) : raw;
      return new FeedInput(raw, new BufferedInputStream(unpacked, BUFFER), gzip);
    } catch (IOException e) {
      buffered.close();
      throw e;
    }
  }

  /**
   * Returns the unpacked content. Closing it has no effect, because parsers close their source
   * while the rest of the file still has to be read for the hash; {@link #close} closes the file.
   */
  InputStream content() {
    return new FilterInputStream(content) {
      @Override
      public void close() {
        // The file stays open until FeedInput.close().
      }
    };
  }

  boolean isGzip() {
    return gzip;
  }

  /**
   * Returns the first character of the content that is not whitespace or a byte order mark, or -1
   * for empty content, without consuming it.
   */
  int peekFirstCharacter() throws IOException {
    content.mark(PEEK_LIMIT);
    try {
      for (int i = 0; i < PEEK_LIMIT; i++) {
        int b = content.read();
        if (b < 0 || !(Character.isWhitespace(b) || b == 0xEF || b == 0xBB || b == 0xBF)) {
          return b;
        }
      }
      return ' ';
    } finally {
      content.reset();
    }
  }

  /** Reads the rest of the file and returns the SHA-256 of all its bytes, as lower-case hex. */
  String sha256() throws IOException {
    byte[] buffer = new byte[BUFFER];
    while (raw.read(buffer) >= 0) {
      // Only the digest needs these bytes.
    }
    return HexFormat.of().formatHex(raw.getMessageDigest().digest());
  }

  @Override
  public void close() throws IOException {
    content.close();
  }
}
