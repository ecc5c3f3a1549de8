package io.patchpipeline.engine.ledger;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens connections with the bundled H2 or PostgreSQL driver directly, not through {@code
 * DriverManager}, which cannot see drivers of a plugin's class loader inside Jenkins.
 */
final class JdbcConnections {
  private final LedgerOptions options;
  private final Driver driver;

  JdbcConnections(LedgerOptions options) {
    this.options = options;
    this.driver =
        options.jdbcUrl().startsWith("jdbc:h2:")
            ? new org.h2.Driver()
            : new org.postgresql.Driver();
  }

  Connection open() throws SQLException {
    Properties properties = new Properties();
    if (!options.user().isEmpty()) {
      properties.setProperty("user", options.user());
    }
    if (!options.password().isEmpty()) {
      properties.setProperty("password", options.password());
    }
    Connection connection = driver.connect(options.jdbcUrl(), properties);
    if (connection == null) {
      throw new SQLException("The JDBC driver did not accept " + options.safeUrl());
    }
    return connection;
  }
}
