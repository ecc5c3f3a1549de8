package io.patchpipeline.engine.verify.vm;

import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RemediationUnit;
import io.patchpipeline.engine.ticket.TicketLinks;
import io.patchpipeline.engine.verify.UnitVerdict;
import io.patchpipeline.engine.verify.VerifyResult;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Notifies the vulnerability-management systems of every verified unit: DefectDojo marks the unit's
 * active findings mitigated, and the webhook receives one signed {@code unit.verified} event per
 * unit. This is the entry point that the CLI's {@code verify} and the Jenkins step share. A failure
 * of one unit or one system is returned as an undelivered {@link Delivery} and does not stop the
 * others.
 */
public final class VmNotifications {
  /** The webhook event type of a verified unit. */
  public static final String UNIT_VERIFIED = "unit.verified";

  private final Optional<DefectDojoClient> defectDojo;
  private final Optional<WebhookNotifier> webhook;

  public VmNotifications(Optional<DefectDojoClient> defectDojo, Optional<WebhookNotifier> webhook) {
    this.defectDojo = defectDojo;
    this.webhook = webhook;
  }

  /** Returns whether any system is configured. */
  public boolean isEmpty() {
    return defectDojo.isEmpty() && webhook.isEmpty();
  }

  /**
   * The outcome of one notification.
   *
   * @param system {@code defectdojo} or {@code webhook}
   * @param detail what was done, or why it failed; never a secret
   */
  public record Delivery(String unitId, String system, boolean delivered, String detail) {}

  /** Notifies every configured system of each verified unit of {@code result}. */
  public List<Delivery> notify(PatchRecord record, VerifyResult result, Instant at) {
    List<Delivery> deliveries = new ArrayList<>();
    for (UnitVerdict verdict : result.units()) {
      if (!verdict.verified()) {
        continue;
      }
      Optional<RemediationUnit> unit = record.unit(verdict.unitId());
      if (unit.isEmpty()) {
        continue;
      }
      defectDojo.ifPresent(client -> deliveries.add(mitigate(client, unit.get(), verdict, at)));
      webhook.ifPresent(
          notifier -> deliveries.add(post(notifier, record, unit.get(), verdict, at)));
    }
    return deliveries;
  }

  private static Delivery mitigate(
      DefectDojoClient client, RemediationUnit unit, UnitVerdict verdict, Instant at) {
    try {
      List<Long> ids = client.markUnitMitigated(verdict.cves(), unit.packageName(), at);
      String detail =
          ids.isEmpty()
              ? "no active finding of " + String.join(", ", verdict.cves()) + " was found"
              : "marked " + ids.size() + " finding(s) mitigated: " + ids;
      return new Delivery(unit.id(), "defectdojo", true, detail);
    } catch (IOException | VmException e) {
      return new Delivery(unit.id(), "defectdojo", false, e.getMessage());
    }
  }

  private static Delivery post(
      WebhookNotifier notifier,
      PatchRecord record,
      RemediationUnit unit,
      UnitVerdict verdict,
      Instant at) {
    String deliveryId = deliveryId(record, unit);
    try {
      notifier.send(deliveryId, event(record, unit, verdict, at));
      return new Delivery(unit.id(), "webhook", true, "sent " + UNIT_VERIFIED + " " + deliveryId);
    } catch (IOException | VmException e) {
      return new Delivery(unit.id(), "webhook", false, e.getMessage());
    }
  }

  /** Returns the delivery id of a unit's event: the same for every run of verify on a record. */
  static String deliveryId(PatchRecord record, RemediationUnit unit) {
    return record.runId() + "/" + unit.id();
  }

  /** Builds the webhook event of one verified unit, with the fields that docs/verify.md lists. */
  static Map<String, Object> event(
      PatchRecord record, RemediationUnit unit, UnitVerdict verdict, Instant at) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("event", UNIT_VERIFIED);
    event.put("deliveryId", deliveryId(record, unit));
    event.put("runId", record.runId());
    event.put("unitId", unit.id());
    event.put("unitKey", unit.key());
    event.put("assetGroup", unit.assetGroup());
    event.put("packageName", unit.packageName());
    event.put("fixedVersion", unit.fixedVersion());
    event.put("priority", unit.priority().name());
    event.put("cves", verdict.cves());
    event.put("methods", verdict.methods());
    event.put("reason", verdict.closure().reason());
    event.put("verifiedAt", at.toString());
    event.put("ticket", TicketLinks.of(record).unit(unit.id()).map(link -> link.key()).orElse(""));
    return event;
  }
}
