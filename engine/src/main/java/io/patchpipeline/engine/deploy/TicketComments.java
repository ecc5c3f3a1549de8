package io.patchpipeline.engine.deploy;

import io.patchpipeline.engine.record.PatchRecord;
import io.patchpipeline.engine.record.RemediationUnit;
import io.patchpipeline.engine.ticket.TicketLinks;
import io.patchpipeline.engine.ticket.TicketSync;
import java.io.IOException;
import java.util.List;

/**
 * Comments each wave's outcome on the ticket of every deployed unit that has one, through {@link
 * TicketSync#comment}, which journals the write in the ticket outbox. A staging failure names the
 * unit's owners, because they must act before the rollout starts again. Units without a ticket are
 * skipped.
 */
public final class TicketComments implements RolloutListener {
  private final TicketSync sync;
  private final PatchRecord record;

  /**
   * @param record the record as it was before the rollout, which contains the units' ticket links
   */
  public TicketComments(TicketSync sync, PatchRecord record) {
    this.sync = sync;
    this.record = record;
  }

  @Override
  public String name() {
    return "tickets";
  }

  @Override
  public void onEvent(RolloutEvent event) throws IOException {
    if (event.type() != RolloutEvent.Type.WAVE) {
      return;
    }
    TicketLinks links = TicketLinks.of(record);
    for (String unitId : event.state().unitIds()) {
      if (links.unit(unitId).isEmpty()) {
        continue;
      }
      sync.comment(record, unitId, RolloutComments.text(event, owners(event, unitId)));
    }
  }

  private List<String> owners(RolloutEvent event, String unitId) {
    if (!event.stagingFailed()) {
      return List.of();
    }
    List<String> owners = record.unit(unitId).map(RemediationUnit::owners).orElse(List.of());
    return List.of(
        owners.isEmpty()
            ? "Owner: none is recorded for unit " + unitId + "."
            : "Owners of unit " + unitId + ": " + String.join(", ", owners) + ".");
  }
}
