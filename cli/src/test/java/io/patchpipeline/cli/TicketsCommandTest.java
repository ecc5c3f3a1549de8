package io.patchpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.record.RecordStore;
import io.patchpipeline.engine.ticket.TicketLinks;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TicketsCommandTest {
  @TempDir Path temp;
  private Path record;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void copyRecord() throws Exception {
    record = temp.resolve("record.json");
    try (InputStream in = getClass().getResourceAsStream("/tickets/record.json")) {
      Files.copy(in, record);
    }
  }

  private int run(String... args) {
    CommandLine line = PatchPipelineCommand.newCommandLine();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    return line.execute(args);
  }

  @Test
  void syncOpensTicketsInFileStoreAndRerunChangesNothing() throws Exception {
    int first = run("tickets", "sync", "--record", record.toString());
    String firstOut = out.toString();
    out.getBuffer().setLength(0);
    int second = run("tickets", "sync", "--record", record.toString());

    assertThat(first).isZero();
    assertThat(firstOut).contains("PP-lodash PP-1").contains("2 created, 0 updated");
    assertThat(second).isZero();
    assertThat(out.toString()).contains("0 created, 0 updated, 2 unchanged").contains("0 writes");
    assertThat(TicketLinks.of(RecordStore.read(record)).keysByUnit())
        .containsOnlyKeys("PP-lodash", "PP-openssl");
    assertThat(temp.resolve("tickets/PP-2.json")).exists();
  }

  @Test
  void dryRunPrintsPlanAndWritesNothing() throws Exception {
    byte[] before = Files.readAllBytes(record);

    int code = run("tickets", "sync", "--record", record.toString(), "--dry-run");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("would create: [P1] Upgrade lodash to 1.2.3")
        .contains("nothing changed");
    assertThat(Files.readAllBytes(record)).isEqualTo(before);
    assertThat(temp.resolve("tickets")).doesNotExist();
  }

  @Test
  void missingSecretNamesTheVariable() throws Exception {
    Path config =
        Files.writeString(
            temp.resolve("tickets.yaml"),
            "systems:\n  jira-sec:\n    type: jira-cloud\n    url: https://jira.invalid\n"
                + "    project: SEC\n    auth: {user: bot@example.com, tokenEnv: PP_TEST_UNSET_TOKEN}\n");

    int code =
        run("tickets", "sync", "--record", record.toString(), "--tickets", config.toString());

    assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
    assertThat(err.toString()).contains("PP_TEST_UNSET_TOKEN is not set");
  }

  @Test
  void configuredFileStoreIsUsed() throws Exception {
    Path config =
        Files.writeString(
            temp.resolve("tickets.yaml"),
            "systems:\n  local:\n    type: file\n    folder: store\n");

    int code =
        run("tickets", "sync", "--record", record.toString(), "--tickets", config.toString());

    assertThat(code).isZero();
    assertThat(temp.resolve("store/PP-1.json")).exists();
  }
}
