package io.patchpipeline.engine.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.record.PatchRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A close that failed after its evidence was attached is retried without a second attachment. */
class CloseRetryTest {
  @TempDir Path temp;

  @Test
  void retriedCloseAttachesEvidenceOnce() throws Exception {
    try (Fixture fixture = new Fixture.Jira(true)) {
      TicketSyncOptions options =
          new TicketSyncOptions(
              fixture.config(),
              fixture.credentials(),
              Optional.of(temp.resolve("record.json" + Outbox.SUFFIX)),
              false,
              Clock.systemUTC());
      TicketClient real =
          TicketClients.create(fixture.config(), fixture.credentials(), Clock.systemUTC());
      CountingClient client = new CountingClient(real);
      TicketSync sync = new TicketSync(client, options);
      PatchRecord record = sync.sync(TestRecords.units(1)).record();
      String unitId = record.units().get(0).id();
      Path first = Files.writeString(temp.resolve("first.zip"), "evidence");
      Path second = Files.writeString(temp.resolve("second.zip"), "evidence again");

      assertThatThrownBy(() -> sync.close(record, unitId, "Verified.", Optional.of(first)))
          .isInstanceOf(TicketException.class);
      PatchRecord closed = sync.close(record, unitId, "Verified.", Optional.of(second));

      assertThat(client.attachments).isEqualTo(1);
      assertThat(client.closes).isEqualTo(2);
      assertThat(TicketLinks.of(closed).unit(unitId).orElseThrow().status()).isEqualTo("closed");
      assertThat(Files.exists(options.outbox().orElseThrow())).isFalse();
    }
  }

  /** A client whose first close fails, as a ticket system without the close transition would. */
  private static final class CountingClient implements TicketClient {
    private final TicketClient delegate;
    int attachments;
    int closes;

    CountingClient(TicketClient delegate) {
      this.delegate = delegate;
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
      if (closes++ == 0) {
        throw new TicketException("issue has no transition named 'Done'");
      }
      delegate.close(ticket, text);
    }

    @Override
    public void attach(RemoteTicket ticket, Path file) throws IOException {
      attachments++;
      delegate.attach(ticket, file);
    }

    @Override
    public String checkConnection() throws IOException {
      return delegate.checkConnection();
    }
  }
}
