package io.patchpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.patchpipeline.engine.core.Hashing;
import io.patchpipeline.engine.evidence.s3.SigV4Signer;
import io.patchpipeline.engine.verify.vm.WebhookNotifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** verify against DefectDojo, webhook and S3 servers on 127.0.0.1, and the ledger it feeds. */
class VerifyNotifyCommandTest {
  private static final String DOJO_KEY = "dojo-cli-key-5551234";
  private static final String HOOK_SECRET = "hook-cli-secret-998877";
  private static final String S3_SECRET = "s3-cli-secret-key-abcdef0123";

  @TempDir Path dir;
  private String record;
  private HttpServer server;
  private final List<String> patched = Collections.synchronizedList(new ArrayList<>());
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, byte[]> objects = Collections.synchronizedMap(new LinkedHashMap<>());

  @BeforeEach
  void detectAndStartServers() throws Exception {
    DemoCommand.extract(dir);
    record = dir.resolve("record.json").toString();
    CommandTester detect =
        CommandTester.run(
            "detect",
            "scans/*",
            "--base-dir",
            dir.toString(),
            "--out",
            record,
            "--ledger",
            dir.resolve("ledger").toString());
    assertThat(detect.exitCode).as(detect.err).isZero();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/v2/findings/", this::dojo);
    server.createContext("/hook", this::hook);
    server.createContext("/evidence/", this::s3);
    server.start();
  }

  @AfterEach
  void stopServers() {
    server.stop(0);
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void dojo(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    if (!("Token " + DOJO_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      reply(exchange, 401, "{\"detail\": \"Invalid token.\"}");
      return;
    }
    if (exchange.getRequestMethod().equals("GET")) {
      String component = "";
      for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
        if (pair.startsWith("component_name=")) {
          component = URLDecoder.decode(pair.substring(15), StandardCharsets.UTF_8);
        }
      }
      reply(
          exchange,
          200,
          "{\"count\": 1, \"next\": null, \"results\": [{\"id\": 7, \"component_name\": \""
              + component
              + "\"}]}");
      return;
    }
    patched.add(
        exchange.getRequestURI().getPath() + " " + new String(body, StandardCharsets.UTF_8));
    reply(exchange, 200, "{}");
  }

  private void hook(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String signature = exchange.getRequestHeaders().getFirst(WebhookNotifier.SIGNATURE_HEADER);
    if (!WebhookNotifier.isValid(HOOK_SECRET.getBytes(StandardCharsets.UTF_8), body, signature)) {
      reply(exchange, 401, "{\"error\": \"bad signature\"}");
      return;
    }
    events.add(new String(body, StandardCharsets.UTF_8));
    reply(exchange, 200, "{}");
  }

  private void s3(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    String names = authorization.replaceAll(".*SignedHeaders=([^,]+),.*", "$1");
    Map<String, String> signed = new LinkedHashMap<>();
    for (String name : names.split(";")) {
      signed.put(name, exchange.getRequestHeaders().getFirst(name));
    }
    Instant at =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC)
            .parse(signed.get("x-amz-date"), Instant::from);
    String expected =
        new SigV4Signer("AKIACLITEST", S3_SECRET, Optional.empty(), "eu-west-1", "s3")
            .authorization(
                "PUT",
                URI.create("http://" + signed.get("host") + exchange.getRequestURI().getRawPath()),
                signed,
                Hashing.sha256(body),
                at);
    if (!expected.equals(authorization)) {
      reply(exchange, 403, "<Error><Code>SignatureDoesNotMatch</Code></Error>");
      return;
    }
    objects.put(exchange.getRequestURI().getPath(), body);
    reply(exchange, 200, "");
  }

  private static void reply(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  private CommandTester verify(Map<String, String> environment, String... extra) {
    VerifyCommand command = new VerifyCommand();
    command.environment = environment::get;
    CommandLine line = new CommandLine(command);
    line.setExecutionExceptionHandler(new ErrorHandler());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    List<String> args =
        new ArrayList<>(
            List.of(
                "--record",
                record,
                "--rescan",
                dir.resolve("scans-after/trivy-shop-web.json").toString(),
                "--rescan",
                dir.resolve("scans-after/grype-shop-api.json").toString(),
                "--on-remaining",
                "ignore"));
    args.addAll(List.of(extra));
    int code = line.execute(args.toArray(new String[0]));
    return CommandTester.of(code, out.toString(), err.toString());
  }

  private Path secretFile(String name, String value) throws IOException {
    return Files.writeString(dir.resolve(name), value + "\n");
  }

  @Test
  void verifiedUnitsAreMitigatedAndAnnounced() throws Exception {
    CommandTester run =
        verify(
            Map.of(),
            "--defectdojo-url",
            base() + "/",
            "--defectdojo-api-key-file",
            secretFile("dojo.key", DOJO_KEY).toString(),
            "--webhook-url",
            base() + "/hook",
            "--webhook-secret-file",
            secretFile("hook.key", HOOK_SECRET).toString(),
            "--evidence",
            dir.resolve("evidence").toString());

    assertThat(run.exitCode).as(run.err).isZero();
    assertThat(run.out).contains("Verified 2 of 8 remediation units");
    assertThat(run.out).contains("defectdojo marked").contains("finding(s) mitigated: [7");
    assertThat(events).hasSize(2);
    assertThat(events.get(0)).contains("\"event\" : \"unit.verified\"");
    assertThat(patched).isNotEmpty().allMatch(p -> p.contains("\"is_mitigated\" : true"));
    String everything = run.out + run.err + Files.readString(Path.of(record)) + bundles();
    assertThat(everything).doesNotContain(DOJO_KEY).doesNotContain(HOOK_SECRET);
  }

  @Test
  void rejectedWebhookFailsWithoutPrintingTheSecret() throws Exception {
    CommandTester run =
        verify(
            Map.of("HOOK", "a-wrong-hook-secret-42"),
            "--webhook-url",
            base() + "/hook",
            "--webhook-secret-env",
            "HOOK");

    assertThat(run.exitCode).isEqualTo(ExitCodes.INPUT_ERROR);
    assertThat(run.err).contains("notification failed").contains("HTTP 401");
    assertThat(run.out + run.err).doesNotContain("a-wrong-hook-secret-42");
  }

  @Test
  void missingApiKeyIsAnInputError() {
    CommandTester run = verify(Map.of(), "--defectdojo-url", base() + "/");

    assertThat(run.exitCode).isEqualTo(ExitCodes.INPUT_ERROR);
    assertThat(run.err).contains("DEFECTDOJO_API_KEY");
  }

  @Test
  void bundlesGoToS3WithBeforeScansAndManifestLast() throws Exception {
    Map<String, String> environment =
        Map.of(
            "AWS_ACCESS_KEY_ID",
            "AKIACLITEST",
            "AWS_SECRET_ACCESS_KEY",
            S3_SECRET,
            "AWS_REGION",
            "eu-west-1");

    CommandTester run =
        verify(environment, "--evidence-store", "s3://evidence/prod", "--s3-endpoint", base());

    assertThat(run.exitCode).as(run.err).isZero();
    assertThat(run.out).contains("to s3://evidence/prod/PP-");
    List<String> keys = new ArrayList<>(objects.keySet());
    assertThat(keys).anyMatch(k -> k.contains("/scans/before/"));
    assertThat(keys.get(keys.size() - 1)).endsWith("/manifest.json");
    assertThat(run.out + run.err).doesNotContain(S3_SECRET);
  }

  @Test
  void wrongS3SecretIsSignatureDoesNotMatch() {
    CommandTester run =
        verify(
            Map.of(
                "AWS_ACCESS_KEY_ID",
                "AKIACLITEST",
                "AWS_SECRET_ACCESS_KEY",
                "wrong-s3-secret-000111",
                "AWS_REGION",
                "eu-west-1"),
            "--evidence-store",
            "s3://evidence/prod",
            "--s3-endpoint",
            base());

    assertThat(run.exitCode).isNotZero();
    assertThat(run.err).contains("SignatureDoesNotMatch").doesNotContain("wrong-s3-secret-000111");
    assertThat(objects).isEmpty();
  }

  @Test
  void ledgerGetsVerifyEventsOnce() {
    String ledger = dir.resolve("ledger").toString();

    CommandTester first = verify(Map.of(), "--ledger", ledger);
    CommandTester again = verify(Map.of(), "--ledger", ledger);

    assertThat(first.exitCode).as(first.err).isZero();
    assertThat(first.out).containsPattern("Ledger jdbc:h2:file:.*: [1-9][0-9]* new events");
    assertThat(again.out).contains(": 0 new events");
  }

  private String bundles() throws IOException {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir.resolve("evidence"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        text.append(Files.readString(file, StandardCharsets.ISO_8859_1));
      }
    }
    return text.toString();
  }
}
