package io.patchpipeline.cli;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.ledger.Ledger;
import io.patchpipeline.engine.ledger.LedgerException;
import io.patchpipeline.engine.ledger.LedgerOptions;
import java.nio.file.Path;
import java.util.function.Function;

/** Opens the SLA ledger that the {@code --ledger} or {@code --jdbc-*} options name. */
final class LedgerAccess {
  private LedgerAccess() {}

  /**
   * Returns the ledger options: the embedded H2 file {@code ledger}, or the PostgreSQL database of
   * {@code jdbcUrl}, whose password is read from the environment variable {@code passwordEnv}.
   */
  static LedgerOptions options(
      Path ledger,
      String jdbcUrl,
      String user,
      String passwordEnv,
      Function<String, String> environment) {
    return options(
        ledger, jdbcUrl, user, passwordEnv, environment, "--jdbc-url", "--jdbc-password-env");
  }

  /** Returns the ledger options, naming {@code urlOption} and {@code passwordOption} in errors. */
  static LedgerOptions options(
      Path ledger,
      String jdbcUrl,
      String user,
      String passwordEnv,
      Function<String, String> environment,
      String urlOption,
      String passwordOption) {
    if (jdbcUrl == null) {
      return LedgerOptions.h2(ledger.toAbsolutePath());
    }
    // Only PostgreSQL: an H2 URL could run SQL from a file through its INIT= setting.
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new InputException(
          urlOption,
          "",
          "invalid URL; expected jdbc:postgresql://HOST:PORT/DATABASE (the embedded H2 ledger is"
              + " chosen with a file name)");
    }
    String password = "";
    if (passwordEnv != null) {
      password = environment.apply(passwordEnv);
      if (password == null) {
        throw new InputException(
            passwordOption,
            "",
            "the environment variable "
                + Terminal.safe(passwordEnv)
                + " is not set; set it to the database password");
      }
    }
    return new LedgerOptions(jdbcUrl, user, password);
  }

  /** Opens and migrates the ledger, or reports an unreachable database as an external failure. */
  static Ledger open(LedgerOptions options) {
    try {
      return Ledger.open(options);
    } catch (LedgerException e) {
      String reason = rootMessage(e);
      if (!options.password().isEmpty()) {
        reason = reason.replace(options.password(), "****");
      }
      throw new ExternalSystemException(
          "cannot connect to the ledger at "
              + Terminal.safe(options.safeUrl())
              + ": "
              + Terminal.safe(reason)
              + "; check that the database is running and reachable, and the user and password",
          e);
    }
  }

  private static String rootMessage(Throwable error) {
    String message = error.getMessage();
    for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null) {
        message = cause.getMessage();
      }
    }
    return message == null ? error.getClass().getSimpleName() : message.strip();
  }
}
