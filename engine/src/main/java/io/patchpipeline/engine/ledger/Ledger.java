package io.patchpipeline.engine.ledger;

import io.patchpipeline.engine.policy.Priority;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;

/**
 * The SLA ledger: every unit's lifecycle events in a relational database, H2 embedded by default or
 * PostgreSQL when shared. Opening it applies pending schema migrations. A ledger uses one
 * connection. Each call is one transaction, and calls from several threads take turns.
 */
public final class Ledger implements AutoCloseable {
  private static final String UNIT_COLUMNS =
      "unit_id, unit_key, priority, team, asset_group, package_name, cves, detected_at,"
          + " sla_due_at, closed_at, sla_outcome";

  private final JdbcConnections connections;
  private final LedgerOptions options;
  private Connection connection;

  private Ledger(LedgerOptions options) {
    this.options = options;
    this.connections = new JdbcConnections(options);
  }

  /** Opens the ledger and migrates its schema to the current version. */
  public static Ledger open(LedgerOptions options) {
    try {
      Flyway.configure(Ledger.class.getClassLoader())
          .dataSource(options.jdbcUrl(), options.user(), options.password())
          .locations("classpath:io/patchpipeline/engine/ledger/migration")
          .table("ledger_schema_history")
          .loggers(QuietFlywayLog.class.getName())
          .load()
          .migrate();
    } catch (RuntimeException e) {
      throw new LedgerException(
          "Cannot migrate the ledger at " + options.safeUrl() + ": " + e.getMessage(), e);
    }
    return new Ledger(options);
  }

  /**
   * Records a detected unit. The first time, it is inserted with a DETECTED and an SLA_DUE event.
   * Later detections keep the first detection time, and they record SLA_DUE again only when the due
   * date changed, as when new threat data raised the priority. Returns the number of events
   * recorded.
   */
  public int recordDetected(LedgerUnit unit, String runId) {
    return inTransaction(
        connection -> {
          int recorded = 0;
          Optional<LedgerUnit> existing = find(connection, unit.unitId());
          if (existing.isEmpty()) {
            insertUnit(connection, unit);
            insertEvent(
                connection,
                new LedgerEvent(
                    unit.unitId(),
                    EventType.DETECTED,
                    unit.detectedAt(),
                    runId,
                    "pipeline",
                    unit.priority().name()));
            recorded++;
            if (unit.slaDueAt().isPresent()) {
              insertEvent(connection, slaDue(unit, runId, unit.slaDueAt().get()));
              recorded++;
            }
          } else if (!sameTime(existing.get().slaDueAt(), unit.slaDueAt())
              || existing.get().priority() != unit.priority()) {
            updatePriority(connection, unit);
            if (unit.slaDueAt().isPresent()) {
              insertEvent(connection, slaDue(unit, runId, unit.slaDueAt().get()));
              recorded++;
            }
          }
          return recorded;
        });
  }

  /**
   * Compares two optional times to the microsecond, the precision that {@link #utc} stores, so a
   * stored time equals the nanosecond time it came from.
   */
  static boolean sameTime(Optional<Instant> stored, Optional<Instant> given) {
    return stored
        .map(t -> t.truncatedTo(ChronoUnit.MICROS))
        .equals(given.map(t -> t.truncatedTo(ChronoUnit.MICROS)));
  }

  private static LedgerEvent slaDue(LedgerUnit unit, String runId, Instant due) {
    return new LedgerEvent(
        unit.unitId(), EventType.SLA_DUE, unit.detectedAt(), runId, "policy", due.toString());
  }

  /**
   * Appends an event to a known unit. A CLOSED event also closes the unit and settles its SLA
   * outcome, recorded as an SLA_MET or SLA_BREACHED event; closing a closed unit changes nothing.
   */
  public void record(LedgerEvent event) {
    inTransaction(
        connection -> {
          LedgerUnit unit =
              find(connection, event.unitId())
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "Unknown unit " + event.unitId() + ": record its detection first"));
          if (event.type() == EventType.CLOSED) {
            close(connection, unit, event);
          } else {
            insertEvent(connection, event);
          }
          return null;
        });
  }

  /**
   * Appends {@code event} unless the unit already has an event of the same type, run, actor and
   * detail, whatever its time; returns whether it was appended. A CLOSED event of a closed unit is
   * not appended either.
   */
  public boolean recordOnce(LedgerEvent event) {
    return inTransaction(
        connection -> {
          LedgerUnit unit =
              find(connection, event.unitId())
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "Unknown unit " + event.unitId() + ": record its detection first"));
          if (event.type() == EventType.CLOSED) {
            if (!unit.isOpen()) {
              return false;
            }
            close(connection, unit, event);
            return true;
          }
          if (exists(connection, event)) {
            return false;
          }
          insertEvent(connection, event);
          return true;
        });
  }

  private static boolean exists(Connection connection, LedgerEvent event) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT 1 FROM ledger_event WHERE unit_id = ? AND event_type = ? AND run_id = ?"
                + " AND actor = ? AND detail = ?")) {
      query.setString(1, event.unitId());
      query.setString(2, event.type().name());
      query.setString(3, event.runId());
      query.setString(4, event.actor());
      query.setString(5, event.detail());
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }

  private static void close(Connection connection, LedgerUnit unit, LedgerEvent event)
      throws SQLException {
    if (!unit.isOpen()) {
      return;
    }
    Optional<SlaOutcome> outcome =
        unit.slaDueAt()
            .map(due -> event.occurredAt().isAfter(due) ? SlaOutcome.BREACHED : SlaOutcome.MET);
    if (unit.outcome().isPresent()) {
      outcome = unit.outcome();
    }
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE ledger_unit SET closed_at = ?, sla_outcome = ? WHERE unit_id = ?")) {
      update.setObject(1, utc(event.occurredAt()));
      update.setString(2, outcome.map(Enum::name).orElse(null));
      update.setString(3, unit.unitId());
      update.executeUpdate();
    }
    insertEvent(connection, event);
    if (outcome.isPresent() && unit.outcome().isEmpty()) {
      EventType type = outcome.get() == SlaOutcome.MET ? EventType.SLA_MET : EventType.SLA_BREACHED;
      insertEvent(
          connection,
          new LedgerEvent(unit.unitId(), type, event.occurredAt(), event.runId(), "ledger", ""));
    }
  }

  /**
   * Marks open units whose due date passed before {@code now} as breached, with an SLA_BREACHED
   * event, and returns how many were marked.
   */
  public int markOverdue(Instant now) {
    return inTransaction(
        connection -> {
          int marked = 0;
          for (LedgerUnit unit : units(connection)) {
            boolean overdue = unit.slaDueAt().map(now::isAfter).orElse(false);
            if (unit.isOpen() && unit.outcome().isEmpty() && overdue) {
              try (PreparedStatement update =
                  connection.prepareStatement(
                      "UPDATE ledger_unit SET sla_outcome = ? WHERE unit_id = ?")) {
                update.setString(1, SlaOutcome.BREACHED.name());
                update.setString(2, unit.unitId());
                update.executeUpdate();
              }
              insertEvent(
                  connection,
                  new LedgerEvent(
                      unit.unitId(),
                      EventType.SLA_BREACHED,
                      unit.slaDueAt().get(),
                      "",
                      "ledger",
                      "open past its due date"));
              marked++;
            }
          }
          return marked;
        });
  }

  public List<LedgerUnit> units() {
    return inTransaction(Ledger::units);
  }

  public Optional<LedgerUnit> unit(String unitId) {
    return inTransaction(connection -> find(connection, unitId));
  }

  /** Returns the events of one unit in the order they happened, then in the order recorded. */
  public List<LedgerEvent> events(String unitId) {
    return inTransaction(
        connection -> {
          List<LedgerEvent> events = new ArrayList<>();
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT unit_id, event_type, occurred_at, run_id, actor, detail FROM ledger_event"
                      + " WHERE unit_id = ? ORDER BY occurred_at, event_id")) {
            query.setString(1, unitId);
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                events.add(
                    new LedgerEvent(
                        rows.getString(1),
                        EventType.valueOf(rows.getString(2)),
                        rows.getObject(3, OffsetDateTime.class).toInstant(),
                        rows.getString(4),
                        rows.getString(5),
                        rows.getString(6)));
              }
            }
          }
          return events;
        });
  }

  private static List<LedgerUnit> units(Connection connection) throws SQLException {
    List<LedgerUnit> units = new ArrayList<>();
    try (PreparedStatement query =
            connection.prepareStatement(
                "SELECT " + UNIT_COLUMNS + " FROM ledger_unit ORDER BY detected_at, unit_id");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        units.add(unitOf(rows));
      }
    }
    return units;
  }

  private static Optional<LedgerUnit> find(Connection connection, String unitId)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT " + UNIT_COLUMNS + " FROM ledger_unit WHERE unit_id = ?")) {
      query.setString(1, unitId);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? Optional.of(unitOf(rows)) : Optional.empty();
      }
    }
  }

  private static LedgerUnit unitOf(ResultSet rows) throws SQLException {
    String cves = rows.getString(7);
    return new LedgerUnit(
        rows.getString(1),
        rows.getString(2),
        Priority.parse(rows.getString(3)),
        rows.getString(4),
        rows.getString(5),
        rows.getString(6),
        cves.isEmpty() ? List.of() : Arrays.asList(cves.split(",")),
        rows.getObject(8, OffsetDateTime.class).toInstant(),
        instant(rows.getObject(9, OffsetDateTime.class)),
        instant(rows.getObject(10, OffsetDateTime.class)),
        Optional.ofNullable(rows.getString(11)).map(SlaOutcome::valueOf));
  }

  private static Optional<Instant> instant(OffsetDateTime timestamp) {
    return Optional.ofNullable(timestamp).map(OffsetDateTime::toInstant);
  }

  /** Converts to UTC truncated to the microsecond, so both databases store the same value. */
  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  private static void insertUnit(Connection connection, LedgerUnit unit) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO ledger_unit ("
                + UNIT_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, unit.unitId());
      insert.setString(2, unit.key());
      insert.setString(3, unit.priority().name());
      insert.setString(4, unit.team());
      insert.setString(5, unit.assetGroup());
      insert.setString(6, unit.packageName());
      insert.setString(7, String.join(",", unit.cves()));
      insert.setObject(8, utc(unit.detectedAt()));
      insert.setObject(9, unit.slaDueAt().map(Ledger::utc).orElse(null));
      insert.setObject(10, unit.closedAt().map(Ledger::utc).orElse(null));
      insert.setString(11, unit.outcome().map(Enum::name).orElse(null));
      insert.executeUpdate();
    }
  }

  private static void updatePriority(Connection connection, LedgerUnit unit) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE ledger_unit SET priority = ?, sla_due_at = ? WHERE unit_id = ?")) {
      update.setString(1, unit.priority().name());
      update.setObject(2, unit.slaDueAt().map(Ledger::utc).orElse(null));
      update.setString(3, unit.unitId());
      update.executeUpdate();
    }
  }

  private static void insertEvent(Connection connection, LedgerEvent event) {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO ledger_event (unit_id, event_type, occurred_at, run_id, actor, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, event.unitId());
      insert.setString(2, event.type().name());
      insert.setObject(3, utc(event.occurredAt()));
      insert.setString(4, event.runId());
      insert.setString(5, event.actor());
      insert.setString(6, event.detail());
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new LedgerException(
          "Cannot record " + event.type() + " of unit " + event.unitId() + ": " + e.getMessage(),
          e);
    }
  }

  /** Work done inside one transaction. */
  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private synchronized <T> T inTransaction(Work<T> work) {
    try {
      if (connection == null || connection.isClosed()) {
        connection = connections.open();
        connection.setAutoCommit(false);
      }
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new LedgerException("Ledger at " + options.safeUrl() + " failed: " + e.getMessage(), e);
    }
  }

  /** Closes the connection; a later call opens a new one. */
  @Override
  public synchronized void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        throw new LedgerException(
            "Cannot close the ledger at " + options.safeUrl() + ": " + e.getMessage(), e);
      } finally {
        connection = null;
      }
    }
  }
}
