package io.patchpipeline.engine.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.record.PatchRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run that crashed between deciding and writing neither loses nor duplicates a ticket. */
class OutboxRecoveryTest {
  @TempDir Path temp;

  private Path outboxFile() {
    return temp.resolve("record.json" + Outbox.SUFFIX);
  }

  private TicketSyncOptions options(Fixture fixture) {
    return new TicketSyncOptions(
        fixture.config(),
        fixture.credentials(),
        Optional.of(outboxFile()),
        false,
        Clock.systemUTC());
  }

  @Test
  void pendingCreateOfExistingTicketIsReconciled() throws Exception {
    try (Fixture fixture = new Fixture.Jira(true)) {
      PatchRecord record = TestRecords.units(3);
      TicketDraft draft = TicketDraft.of(record, record.units().get(0));
      TicketClient client =
          TicketClients.create(fixture.config(), fixture.credentials(), Clock.systemUTC());
      String existing = client.create(draft).key();
      Outbox outbox = Outbox.load(outboxFile(), "jira-sec");
      outbox.add(
          new Outbox.Entry(
              draft.unitId(),
              draft.dedupKey(),
              Outbox.Operation.CREATE,
              "key-1",
              Outbox.State.PENDING,
              Optional.empty(),
              Instant.now()));
      outbox.save();

      TicketSyncResult result = TicketSync.of(options(fixture)).sync(record);

      assertThat(fixture.ticketCount()).isEqualTo(3);
      assertThat(result.created()).isEqualTo(2);
      assertThat(result.keysByUnit()).containsEntry(draft.unitId(), existing);
      assertThat(result.messages())
          .anyMatch(
              m ->
                  m.text().contains("unconfirmed CREATE of unit " + draft.unitId())
                      && m.text().contains("found ticket " + existing));
      assertThat(Files.exists(outboxFile())).isFalse();
    }
  }

  @Test
  void crashBetweenWritesKeepsOutboxAndRerunCompletes() throws Exception {
    try (Fixture fixture = new Fixture.ServiceNow()) {
      PatchRecord record = TestRecords.units(4);
      TicketClient real =
          TicketClients.create(fixture.config(), fixture.credentials(), Clock.systemUTC());
      TicketSync crashing = new TicketSync(new CrashAfterCreates(real, 2), options(fixture));

      assertThatThrownBy(() -> crashing.sync(record)).isInstanceOf(SimulatedCrash.class);
      Outbox left = Outbox.load(outboxFile(), "snow");
      TicketSyncResult rerun = TicketSync.of(options(fixture)).sync(record);

      assertThat(left.entries()).hasSize(4);
      // Done marks are saved in batches, so all four decided creates are still pending.
      assertThat(left.pending()).hasSize(4);
      assertThat(fixture.ticketCount()).isEqualTo(4);
      assertThat(rerun.created()).isEqualTo(2);
      assertThat(rerun.unchanged()).isEqualTo(2);
      assertThat(Files.exists(outboxFile())).isFalse();
    }
  }

  @Test
  void corruptOutboxIsAnInputError() throws Exception {
    Files.writeString(outboxFile(), "{not json");

    assertThatThrownBy(() -> Outbox.load(outboxFile(), "local"))
        .hasMessageContaining(outboxFile().toString())
        .hasMessageContaining("invalid ticket outbox");
  }

  /** Thrown by {@link CrashAfterCreates} in place of a process being killed. */
  static final class SimulatedCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  /** A client that dies after a number of creates, as a killed process would. */
  private static final class CrashAfterCreates implements TicketClient {
    private final TicketClient delegate;
    private int left;

    CrashAfterCreates(TicketClient delegate, int creates) {
      this.delegate = delegate;
      this.left = creates;
    }

    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public int searchBatchSize() {
      return delegate.searchBatchSize();
    }

    @Override
    public Map<String, RemoteTicket> find(Collection<String> keys) throws IOException {
      return delegate.find(keys);
    }

    @Override
    public RemoteTicket create(TicketDraft draft) throws IOException {
      if (left-- == 0) {
        throw new SimulatedCrash();
      }
      return delegate.create(draft);
    }

    @Override
    public RemoteTicket createReview(ReviewDraft draft) throws IOException {
      return delegate.createReview(draft);
    }

    @Override
    public void update(RemoteTicket ticket, TicketDraft draft, TicketChange change)
        throws IOException {
      delegate.update(ticket, draft, change);
    }

    @Override
    public void comment(RemoteTicket ticket, String text) throws IOException {
      delegate.comment(ticket, text);
    }

    @Override
    public void close(RemoteTicket ticket, String text) throws IOException {
      delegate.close(ticket, text);
    }

    @Override
    public void attach(RemoteTicket ticket, Path file) throws IOException {
      delegate.attach(ticket, file);
    }

    @Override
    public String checkConnection() throws IOException {
      return delegate.checkConnection();
    }
  }
}
