package io.patchpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ledger that cannot be used is a one-line error, never a stack trace. */
class ReportLedgerErrorsTest {
  @TempDir Path dir;

  private CommandTester report(String... jdbc) {
    String[] args = new String[jdbc.length + 3];
    args[0] = "report";
    System.arraycopy(jdbc, 0, args, 1, jdbc.length);
    args[jdbc.length + 1] = "--out";
    args[jdbc.length + 2] = dir.resolve("report.html").toString();
    return CommandTester.run(args);
  }

  @Test
  void unreachableDatabaseIsExternalFailure() {
    CommandTester run =
        report("--jdbc-url", "jdbc:postgresql://127.0.0.1:1/ledger", "--jdbc-user", "u");

    assertThat(run.exitCode).as(run.err).isEqualTo(ExitCodes.EXTERNAL_FAILURE);
    assertThat(run.err)
        .startsWith(
            "patch-pipeline: error: cannot connect to the ledger at"
                + " jdbc:postgresql://127.0.0.1:1/ledger: ");
    assertThat(run.err).contains("check that the database is running");
    assertThat(run.err).doesNotContain("internal error").doesNotContain("\tat ");
    assertThat(run.err.lines()).hasSize(1);
  }

  @Test
  void h2UrlIsRejected() {
    CommandTester run =
        report("--jdbc-url", "jdbc:h2:mem:x;INIT=RUNSCRIPT FROM 'evil.sql'", "--jdbc-user", "u");

    assertThat(run.exitCode).isEqualTo(ExitCodes.INPUT_ERROR);
    assertThat(run.err).contains("--jdbc-url: invalid URL; expected jdbc:postgresql://");
    assertThat(dir.resolve("report.html")).doesNotExist();
  }

  @Test
  void unsetPasswordVariableIsNamed() {
    CommandTester run =
        report(
            "--jdbc-url",
            "jdbc:postgresql://127.0.0.1:1/ledger",
            "--jdbc-password-env",
            "PP_TEST_UNSET_PASSWORD");

    assertThat(run.exitCode).isEqualTo(ExitCodes.INPUT_ERROR);
    assertThat(run.err)
        .contains(
            "--jdbc-password-env: the environment variable PP_TEST_UNSET_PASSWORD is not set");
  }
}
