package io.patchpipeline.engine.deploy.tool;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Builds PowerShell command lines without a quoting problem: the script travels as {@code
 * -EncodedCommand}, Base64 of its UTF-16LE bytes, so no shell or Windows argument parser sees it,
 * and every value inside it is a single-quoted literal, where PowerShell expands nothing and a
 * quote is written twice.
 */
public final class PowerShell {
  private PowerShell() {}

  /** Returns {@code value} as a single-quoted PowerShell string literal. */
  public static String literal(String value) {
    StringBuilder text = new StringBuilder("'");
    for (char c : value.toCharArray()) {
      // PowerShell also treats the typographic single quotes as quote characters.
      if (c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u201B') {
        text.append(c);
      }
      text.append(c);
    }
    return text.append('\'').toString();
  }

  /** Returns the {@code -EncodedCommand} argument for {@code script}. */
  public static String encode(String script) {
    return Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_16LE));
  }

  /** Decodes an {@code -EncodedCommand} argument; tests and dry runs show the script with it. */
  public static String decode(String encoded) {
    return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_16LE);
  }
}
