package io.patchpipeline.engine.evidence.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.core.Hashing;
import io.patchpipeline.engine.http.ApiRequest;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Published AWS Signature Version 4 examples: the {@code get-vanilla}, {@code
 * get-vanilla-query-order-key-case} and {@code post-vanilla} cases of AWS's SigV4 test suite, and
 * the GET Object, PUT Object, GET Bucket Lifecycle and List Objects examples of the Amazon S3 API
 * Reference ("Signature Calculations for the Authorization Header").
 */
class SigV4SignerTest {
  private static final String EMPTY = Hashing.sha256(new byte[0]);
  private static final Instant SUITE_TIME = Instant.parse("2015-08-30T12:36:00Z");
  private static final Instant S3_TIME = Instant.parse("2013-05-24T00:00:00Z");
  private static final SigV4Signer SUITE =
      new SigV4Signer(
          "AKIDEXAMPLE",
          "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
          Optional.empty(),
          "us-east-1",
          "service");
  private static final SigV4Signer S3 =
      new SigV4Signer(
          "AKIAIOSFODNN7EXAMPLE",
          "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
          Optional.empty(),
          "us-east-1",
          "s3");

  static Stream<Arguments> vectors() {
    String s3Host = "examplebucket.s3.amazonaws.com";
    String putBody = Hashing.sha256("Welcome to Amazon S3.");
    return Stream.of(
        Arguments.of(
            "get-vanilla",
            SUITE,
            SUITE_TIME,
            "GET",
            "https://example.amazonaws.com/",
            suiteHeaders(),
            EMPTY,
            "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
        Arguments.of(
            "get-vanilla-query-order-key-case",
            SUITE,
            SUITE_TIME,
            "GET",
            "https://example.amazonaws.com/?Param2=value2&Param1=value1",
            suiteHeaders(),
            EMPTY,
            "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
        Arguments.of(
            "post-vanilla",
            SUITE,
            SUITE_TIME,
            "POST",
            "https://example.amazonaws.com/",
            suiteHeaders(),
            EMPTY,
            "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"),
        Arguments.of(
            "s3 GET Object",
            S3,
            S3_TIME,
            "GET",
            "https://examplebucket.s3.amazonaws.com/test.txt",
            s3Headers(s3Host, EMPTY, Map.of("range", "bytes=0-9")),
            EMPTY,
            "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"),
        Arguments.of(
            "s3 PUT Object",
            S3,
            S3_TIME,
            "PUT",
            "https://examplebucket.s3.amazonaws.com/test%24file.text",
            s3Headers(
                s3Host,
                putBody,
                Map.of(
                    "date",
                    "Fri, 24 May 2013 00:00:00 GMT",
                    "x-amz-storage-class",
                    "REDUCED_REDUNDANCY")),
            putBody,
            "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd"),
        Arguments.of(
            "s3 GET Bucket Lifecycle",
            S3,
            S3_TIME,
            "GET",
            "https://examplebucket.s3.amazonaws.com/?lifecycle",
            s3Headers(s3Host, EMPTY, Map.of()),
            EMPTY,
            "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543"),
        Arguments.of(
            "s3 List Objects",
            S3,
            S3_TIME,
            "GET",
            "https://examplebucket.s3.amazonaws.com/?max-keys=2&prefix=J",
            s3Headers(s3Host, EMPTY, Map.of()),
            EMPTY,
            "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7"));
  }

  private static Map<String, String> suiteHeaders() {
    return Map.of("host", "example.amazonaws.com", "x-amz-date", "20150830T123600Z");
  }

  private static Map<String, String> s3Headers(
      String host, String payload, Map<String, String> extra) {
    Map<String, String> headers = new LinkedHashMap<>(extra);
    headers.put("host", host);
    headers.put("x-amz-content-sha256", payload);
    headers.put("x-amz-date", "20130524T000000Z");
    return headers;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void publishedVectorsMatch(
      String name,
      SigV4Signer signer,
      Instant at,
      String method,
      String uri,
      Map<String, String> headers,
      String payload,
      String signature) {
    String authorization = signer.authorization(method, URI.create(uri), headers, payload, at);

    assertThat(authorization).endsWith("Signature=" + signature);
    assertThat(authorization).startsWith("AWS4-HMAC-SHA256 Credential=" + signer.keyId() + "/");
  }

  @Test
  void signCoversTheBodyHash() {
    byte[] body = "evidence bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ApiRequest request =
        new ApiRequest(
            "PUT",
            URI.create("http://127.0.0.1:9000/bucket/a%20b/c.json"),
            Map.of("Content-Type", "application/json", "x-amz-checksum-sha256", "abc="),
            body,
            true,
            Optional.empty(),
            "");

    Map<String, String> headers = S3.sign(request, S3_TIME);

    assertThat(headers.get("x-amz-content-sha256")).isEqualTo(Hashing.sha256(body));
    assertThat(headers.get("x-amz-date")).isEqualTo("20130524T000000Z");
    assertThat(headers.get("Authorization"))
        .contains(
            "SignedHeaders=content-type;host;x-amz-checksum-sha256;x-amz-content-sha256;x-amz-date")
        .doesNotContain("wJalrXUtnFEMI");
  }

  @Test
  void canonicalPathEncodesEachSegmentOnce() {
    assertThat(SigV4Signer.canonicalPath(URI.create("http://h/b/a%20b/c$d+e")))
        .isEqualTo("/b/a%20b/c%24d%2Be");
    assertThat(SigV4Signer.canonicalPath(URI.create("http://h"))).isEqualTo("/");
    assertThat(SigV4Signer.hostHeader(URI.create("http://127.0.0.1:9000/x")))
        .isEqualTo("127.0.0.1:9000");
    assertThat(SigV4Signer.hostHeader(URI.create("https://s3.amazonaws.com:443/x")))
        .isEqualTo("s3.amazonaws.com");
  }

  @Test
  void secretNeverInText() {
    SigV4Signer signer =
        new SigV4Signer("AKID", "secret-value-1234", Optional.of("session-tok"), "r", "s3");

    assertThat(signer.toString()).doesNotContain("secret-value-1234");
    assertThat(signer.secretForms()).containsExactly("secret-value-1234", "session-tok");
    assertThatThrownBy(() -> new SigV4Signer("AKID", "", Optional.empty(), "r", "s3"))
        .hasMessageContaining("missing secret access key");
    assertThat(List.of(S3.keyId())).containsExactly("AKIAIOSFODNN7EXAMPLE");
  }
}
