package io.patchpipeline.engine.ledger;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.Statement;

/**
 * Runs the ledger's behaviour against a real PostgreSQL server, named by the JDBC URL in the
 * environment variable {@code PATCHPIPELINE_TEST_PG_URL} ({@code .ci/postgres.sh start} prints it).
 */
class PostgresLedgerTest extends LedgerContractTest {
  private static final String URL_VARIABLE = "PATCHPIPELINE_TEST_PG_URL";

  @Override
  LedgerOptions emptyDatabase() throws Exception {
    LedgerOptions options = currentOptions();
    try (Connection connection = new JdbcConnections(options).open();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS ledger_event, ledger_unit, ledger_schema_history");
    }
    return options;
  }

  @Override
  LedgerOptions currentOptions() {
    String url = System.getenv(URL_VARIABLE);
    assumeTrue(
        url != null && !url.isBlank(),
        "Skipped: " + URL_VARIABLE + " is unset; start a server with .ci/postgres.sh start");
    return new LedgerOptions(url, "", "");
  }
}
