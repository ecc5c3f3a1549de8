package io.patchpipeline.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every form of a secret, whole, cut or transformed, is masked; other text is kept. */
class RedactorTest {

  private static String token(int length) {
    StringBuilder token = new StringBuilder("S3cr3tT0ken-XYZZY-");
    for (int i = 0; token.length() < length; i++) {
      token.append(Integer.toHexString(i * 7919 % 4096));
    }
    return token.substring(0, length);
  }

  private static String basic(String user, String secret) {
    return Base64.getEncoder()
        .encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(ints = {10, 300, 600})
  void basicTokenIsMaskedInEveryForm(int length) {
    String secret = token(length);
    Redactor redactor = new Redactor(Credentials.basic("a", secret));
    String base64 = basic("a", secret);
    String plainBase64 =
        Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));

    String[] echoes = {
      "bad credentials Basic " + base64,
      "field token: a:" + secret,
      "lower " + secret.toLowerCase(Locale.ROOT),
      "upper " + secret.toUpperCase(Locale.ROOT),
      "url " + URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("-", "%2D"),
      "url lower " + secret.replace("-", "%2d"),
      "prefix " + secret.substring(0, 8) + " end",
      "base64 prefix " + base64.substring(0, Math.min(base64.length(), 40)) + " end",
      "plain base64 " + plainBase64,
      "cut " + secret.substring(0, Math.max(8, length / 2)) + "..."
    };
    for (String echo : echoes) {
      String redacted = redactor.redact(echo);

      assertThat(redacted).as(echo).contains("****");
      assertThat(redacted).as(echo).doesNotContain(secret.substring(0, 8));
      assertThat(redacted.toLowerCase(Locale.ROOT))
          .as(echo)
          .doesNotContain(secret.substring(secret.length() - 8).toLowerCase(Locale.ROOT));
      assertThat(redacted).as(echo).doesNotContain(base64.substring(0, 12));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {10, 300, 600})
  void bearerTokenMaskedThenCutLeaksNothing(int length) {
    String secret = token(length);
    Redactor redactor = new Redactor(Credentials.bearer(secret));
    String body = "Unauthorized: bad credentials Bearer " + secret + " (see the log)";

    String shown = redactor.redact(body);
    shown = shown.length() > 50 ? shown.substring(0, 50) : shown;

    assertThat(shown).startsWith("Unauthorized: bad credentials Bearer ****");
    assertThat(shown).doesNotContain(secret.substring(0, 8));
  }

  @ParameterizedTest
  @ValueSource(ints = {10, 300, 600})
  void multiLineSecretIsMasked(int length) {
    String secret = token(length / 2) + "\n" + token(length / 2).toUpperCase(Locale.ROOT);
    Redactor redactor = new Redactor(Credentials.basic("bot@example.com", secret));

    String redacted =
        redactor.redact("header was Basic " + basic("bot@example.com", secret) + " and " + secret);

    assertThat(redacted).isEqualTo("header was Basic **** and ****");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "HTTP 401 from POST http://127.0.0.1:8080/rest/api/3/issue",
        "50% done, 100%, %zz and a lone %",
        ""
      })
  void textWithoutSecretIsKept(String text) {
    Redactor redactor = new Redactor(Credentials.bearer(token(300)));

    assertThat(redactor.redact(text)).isEqualTo(text);
  }
}
