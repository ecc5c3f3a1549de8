package io.patchpipeline.engine.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RemediationUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A unit without a package name, such as a kernel CVE from a host scanner, gets tickets that name
 * the component by its CVE instead of leaving a gap.
 */
class ComponentFallbackTest {
  private static final String NAME = "the component affected by CVE-2024-1086";

  @Test
  void everyRendererNamesTheComponent() {
    TicketDraft draft = TicketDraft.of(record(), record().units().get(0));
    TicketDocument document = TicketDocument.of(draft);

    Map<String, String> texts =
        Map.of(
            "summary", draft.summary(),
            "text", TextRenderer.render(document),
            "wiki", WikiRenderer.render(document),
            "adf", AdfRenderer.render(document).toString());

    assertThat(draft.summary())
        .isEqualTo("[P0] Upgrade " + NAME + " (no fixed version yet) on web (1 CVE)");
    assertThat(TextRenderer.render(document))
        .contains("The component affected by CVE-2024-1086 3.1.0 on asset group web has")
        .contains("No fixed version of " + NAME + " is known")
        .contains("runs " + NAME + " a fixed version");
    texts.forEach(
        (name, text) ->
            assertThat(text)
                .as(name)
                .doesNotContain("Upgrade  ")
                .doesNotContain("of  is")
                .doesNotContain("runs  ")
                .doesNotContain("\" on asset group"));
  }

  @Test
  void packageNameIsKeptWhenPresent() {
    PatchRecord record =
        TestRecords.record(List.of(TestRecords.spec("openssl", Priority.P1, "CVE-1")));

    assertThat(record.units().get(0).componentName()).isEqualTo("openssl");
  }

  /** Returns a record whose one unit has no package name and no fixed version. */
  private static PatchRecord record() {
    PatchRecord base =
        TestRecords.record(List.of(TestRecords.spec("", Priority.P0, "CVE-2024-1086")));
    RemediationUnit u = base.units().get(0);
    RemediationUnit kernel =
        new RemediationUnit(
            u.id(),
            u.key(),
            u.assetGroup(),
            "",
            u.ecosystem(),
            u.kind(),
            "",
            List.of("3.1.0"),
            u.vulnerabilityIds(),
            u.cves(),
            u.assets(),
            u.targets(),
            u.owners(),
            u.priority(),
            u.dueDate(),
            u.needsTicket(),
            u.ticketPriority(),
            u.kev(),
            u.maxCvss(),
            u.maxEpss(),
            u.complexity(),
            u.complexityReasons(),
            u.findingIds());
    return new PatchRecord(
        base.schemaVersion(),
        base.runId(),
        base.createdAt(),
        base.inputs(),
        base.intel(),
        base.policy(),
        base.findings(),
        base.excluded(),
        List.of(kernel),
        base.unknownAssets(),
        base.messages(),
        base.stages());
  }
}
