package io.patchpipeline.engine.evidence.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.http.Backoff;
import io.patchpipeline.engine.http.Credentials;
import io.patchpipeline.engine.http.HttpService;
import io.patchpipeline.engine.http.HttpSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3EvidenceStoreTest {
  @TempDir Path folder;
  private FakeS3 s3;
  private final List<Duration> waits = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    s3 = new FakeS3();
  }

  @AfterEach
  void stop() {
    s3.close();
  }

  private S3EvidenceStore store(String secret) {
    SigV4Signer signer =
        new SigV4Signer(FakeS3.ACCESS_KEY, secret, Optional.empty(), FakeS3.REGION, "s3");
    HttpSettings settings =
        HttpSettings.defaults()
            .withBackoff(Duration.ofMillis(5), Duration.ofMillis(20))
            .withWritesPerSecond(0);
    HttpService http =
        new HttpService(
            settings,
            Credentials.signed(signer),
            new Backoff(Duration.ofMillis(5), Duration.ofMillis(20)),
            waits::add,
            Clock.systemUTC());
    return new S3EvidenceStore(http, s3.endpoint());
  }

  private Path bundle() throws IOException {
    Path bundle = Files.createDirectories(folder.resolve("PP-0001"));
    Files.createDirectories(bundle.resolve("scans/before"));
    Files.writeString(bundle.resolve("scans/before/01-scan $1.json"), "{\"findings\": []}");
    Files.writeString(bundle.resolve("unit.json"), "{\"id\": \"PP-0001\"}");
    Files.writeString(bundle.resolve("manifest.json"), "{\"files\": []}");
    Files.writeString(bundle.resolve("manifest.sig"), "{\"signature\": \"x\"}");
    return bundle;
  }

  @Test
  void uploadsEveryFileWithTheManifestLast() throws IOException {
    Path bundle = bundle();

    List<String> keys =
        store(FakeS3.SECRET_KEY).upload(bundle, S3Location.parse("s3://evidence/runs/2026/"));

    assertThat(keys)
        .containsExactly(
            "runs/2026/PP-0001/scans/before/01-scan $1.json",
            "runs/2026/PP-0001/unit.json",
            "runs/2026/PP-0001/manifest.sig",
            "runs/2026/PP-0001/manifest.json");
    assertThat(s3.objects.keySet())
        .containsExactly(
            "evidence/runs/2026/PP-0001/scans/before/01-scan $1.json",
            "evidence/runs/2026/PP-0001/unit.json",
            "evidence/runs/2026/PP-0001/manifest.sig",
            "evidence/runs/2026/PP-0001/manifest.json");
    assertThat(new String(s3.objects.get("evidence/runs/2026/PP-0001/unit.json")))
        .isEqualTo("{\"id\": \"PP-0001\"}");
    assertThat(s3.contentHashes).doesNotContain("UNSIGNED-PAYLOAD").hasSize(4);
  }

  @Test
  void wrongSecretIsSignatureDoesNotMatch() throws IOException {
    Path bundle = bundle();

    assertThatThrownBy(
            () ->
                store("not-the-right-secret-000").upload(bundle, S3Location.parse("s3://evidence")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("HTTP 403")
        .hasMessageContaining("SignatureDoesNotMatch")
        .hasMessageContaining("check AWS_ACCESS_KEY_ID")
        .hasMessageNotContaining("not-the-right-secret-000");
    assertThat(s3.objects).isEmpty();
  }

  @Test
  void slowDownIsRetriedWithAFreshSignature() throws IOException {
    Path bundle = bundle();
    s3.failures.add(503);

    List<String> keys = store(FakeS3.SECRET_KEY).upload(bundle, S3Location.parse("s3://evidence"));

    assertThat(keys).hasSize(4);
    assertThat(s3.objects).hasSize(4);
    assertThat(waits).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void nestedManifestsPrecedeTheRootOne() throws IOException {
    Path run = Files.createDirectories(folder.resolve("run-1"));
    Files.createDirectories(run.resolve("units/PP-1"));
    Files.writeString(run.resolve("units/PP-1/manifest.json"), "{}");
    Files.writeString(run.resolve("units/PP-1/unit.json"), "{}");
    Files.writeString(run.resolve("run.json"), "{}");
    Files.writeString(run.resolve("manifest.json"), "{}");

    List<Path> order = S3EvidenceStore.uploadOrder(run);

    assertThat(order.stream().map(p -> run.relativize(p).toString().replace('\\', '/')))
        .containsExactly(
            "run.json", "units/PP-1/unit.json", "units/PP-1/manifest.json", "manifest.json");
  }

  @Test
  void locationIsParsedAndChecked() {
    S3Location location = S3Location.parse("s3://my-bucket/a/b/");

    assertThat(location.bucket()).isEqualTo("my-bucket");
    assertThat(location.prefix()).isEqualTo("a/b");
    assertThat(location.toString()).isEqualTo("s3://my-bucket/a/b");
    assertThat(S3Location.parse("s3://my-bucket").key("x")).isEqualTo("x");
    assertThatThrownBy(() -> S3Location.parse("https://x/y")).hasMessageContaining("s3://BUCKET");
    assertThatThrownBy(() -> S3Location.parse("s3://Bad_Bucket/x"))
        .hasMessageContaining("invalid bucket name");
    assertThat(S3EvidenceStore.awsEndpoint("eu-west-1").toString())
        .isEqualTo("https://s3.eu-west-1.amazonaws.com");
  }
}
