package io.patchpipeline.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.patchpipeline.engine.core.Json;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.UnitFinding;
import io.patchpipeline.engine.verify.VerifyOptions.FailureMode;
import io.patchpipeline.engine.verify.VerifyOptions.InventoryInput;
import io.patchpipeline.engine.verify.vm.DefectDojoClient;
import io.patchpipeline.engine.verify.vm.OutboxTransport;
import io.patchpipeline.engine.verify.vm.VmNotifications;
import io.patchpipeline.engine.verify.vm.VmTransport;
import io.patchpipeline.engine.verify.vm.WebhookNotifier;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VmNotificationsTest {
  private static final Instant AT = Instant.parse("2026-03-02T08:00:00Z");
  private static final String KEY = "dojo-key-must-not-leak-123";
  private static final byte[] SECRET = "hook-secret-must-not-leak".getBytes(StandardCharsets.UTF_8);

  @TempDir Path folder;
  private PatchRecord record;
  private VerifyResult result;

  @BeforeEach
  void verifyOneOfTwoUnits() throws IOException {
    UnitFinding openssl =
        Records.finding("f1", "CVE-2024-0001", "openssl", "3.0.9-1", "3.0.11-1~deb12u2", "web1");
    UnitFinding curl =
        Records.finding("f3", "CVE-2024-0003", "curl", "7.88.1-10", "7.88.1-10+deb12u5", "web1");
    record =
        Records.record(
            List.of(openssl, curl),
            List.of(
                Records.unit("PP-ssl", "openssl", List.of(openssl)),
                Records.unit("PP-curl", "curl", List.of(curl))));
    Path dpkg =
        Files.writeString(
            folder.resolve("web1.txt"), "openssl 3.0.11-1~deb12u2\ncurl 7.88.1-10+deb12u4\n");
    result =
        new VerifyService()
            .verify(
                record,
                new VerifyOptions(
                    List.of(new InventoryInput(dpkg, InventoryFormat.DPKG, "web1")),
                    List.of(),
                    List.of(),
                    List.of(),
                    FailureMode.IGNORE,
                    true));
  }

  @Test
  void outboxHoldsOneLookupAndOneEventPerVerifiedUnit() throws IOException {
    Path outbox = folder.resolve("notifications.jsonl");
    VmTransport transport = new OutboxTransport(outbox);
    VmNotifications notifications =
        new VmNotifications(
            Optional.of(new DefectDojoClient(URI.create("http://dojo.invalid/"), KEY, transport)),
            Optional.of(
                new WebhookNotifier(URI.create("http://hook.invalid/events"), SECRET, transport)));

    List<VmNotifications.Delivery> deliveries = notifications.notify(record, result, AT);

    assertThat(deliveries)
        .extracting(VmNotifications.Delivery::unitId, VmNotifications.Delivery::system)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("PP-ssl", "defectdojo"),
            org.assertj.core.groups.Tuple.tuple("PP-ssl", "webhook"));
    assertThat(deliveries).allMatch(VmNotifications.Delivery::delivered);
    List<String> lines = Files.readAllLines(outbox);
    assertThat(lines).hasSize(2);
    JsonNode lookup = Json.mapper().readTree(lines.get(0));
    assertThat(lookup.get("method").asText()).isEqualTo("GET");
    assertThat(lookup.get("uri").asText())
        .contains("vulnerability_id=CVE-2024-0001")
        .contains("component_name=openssl");
    assertThat(lookup.at("/headers/Authorization").asText()).isEqualTo("****");
    JsonNode event = Json.mapper().readTree(lines.get(1));
    assertThat(event.at("/body/event").asText()).isEqualTo("unit.verified");
    assertThat(event.at("/body/unitId").asText()).isEqualTo("PP-ssl");
    assertThat(event.at("/body/deliveryId").asText()).isEqualTo("run-1/PP-ssl");
    assertThat(event.at("/body/cves/0").asText()).isEqualTo("CVE-2024-0001");
    assertThat(event.at("/headers/" + WebhookNotifier.DELIVERY_HEADER).asText())
        .isEqualTo("run-1/PP-ssl");
    byte[] body = Json.mapper().writeValueAsBytes(event.get("body"));
    assertThat(event.at("/headers/" + WebhookNotifier.SIGNATURE_HEADER).asText())
        .isEqualTo(WebhookNotifier.signature(SECRET, body));
    String text = Files.readString(outbox);
    assertThat(text).doesNotContain(KEY).doesNotContain(new String(SECRET, StandardCharsets.UTF_8));
  }

  @Test
  void failureOfOneSystemIsReportedAndOthersGoOn() {
    VmTransport refusing =
        request -> new VmTransport.Response(401, "{\"detail\": \"Invalid token.\"}".getBytes());
    Path outbox = folder.resolve("hook.jsonl");
    VmNotifications notifications =
        new VmNotifications(
            Optional.of(new DefectDojoClient(URI.create("http://dojo.invalid/"), KEY, refusing)),
            Optional.of(
                new WebhookNotifier(
                    URI.create("http://hook.invalid/"), SECRET, new OutboxTransport(outbox))));

    List<VmNotifications.Delivery> deliveries = notifications.notify(record, result, AT);

    assertThat(deliveries).hasSize(2);
    assertThat(deliveries.get(0).delivered()).isFalse();
    assertThat(deliveries.get(0).detail()).contains("HTTP 401").doesNotContain(KEY);
    assertThat(deliveries.get(1).delivered()).isTrue();
    assertThat(notifications.isEmpty()).isFalse();
    assertThat(new VmNotifications(Optional.empty(), Optional.empty()).isEmpty()).isTrue();
  }
}
