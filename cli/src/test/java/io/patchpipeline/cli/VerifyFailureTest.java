package io.patchpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.record.RecordStore;
import io.patchpipeline.engine.service.VerifySection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verify checks its options before it works, and keeps its verdicts when a later step fails. */
class VerifyFailureTest {
  private static final String TOKEN = "S3cr3tT0ken-XYZZY-4242";

  @TempDir Path dir;

  private String record;
  private String rescan;

  @BeforeEach
  void detectExample() throws Exception {
    DemoCommand.extract(dir);
    record = dir.resolve("record.json").toString();
    rescan = dir.resolve("scans-after/trivy-shop-web.json").toString();
    CommandTester detect =
        CommandTester.run(
            "detect",
            "scans/*",
            "--base-dir",
            dir.toString(),
            "--kev",
            "feeds/known_exploited_vulnerabilities.json",
            "--epss",
            "feeds/epss_scores.csv",
            "--inventory",
            "inventory.yaml",
            "--out",
            record);
    assertThat(detect.exitCode).as(detect.err).isZero();
  }

  @Test
  void shortSigningKeyFailsBeforeVerifying() throws Exception {
    Path key = Files.writeString(dir.resolve("short.key"), "short");

    CommandTester run =
        CommandTester.run(
            "verify",
            "--record",
            record,
            "--rescan",
            rescan,
            "--evidence",
            dir.resolve("evidence").toString(),
            "--signing-key-file",
            key.toString());

    assertThat(run.exitCode).isEqualTo(ExitCodes.INPUT_ERROR);
    assertThat(run.err).contains("--signing-key-file: " + key + ": the key has 5 bytes");
    assertThat(run.err).doesNotContain("internal error").doesNotContain("\tat ");
    assertThat(run.out).doesNotContain("Verified");
  }

  @Test
  void evidenceFileFailsBeforeVerifying() throws Exception {
    Path file = Files.writeString(dir.resolve("evidence.txt"), "not a folder");

    CommandTester run =
        CommandTester.run(
            "verify", "--record", record, "--rescan", rescan, "--evidence", file.toString());

    assertThat(run.exitCode).isEqualTo(ExitCodes.INPUT_ERROR);
    assertThat(run.err).contains("--evidence: " + file + ": is a file, expected a folder");
    assertThat(run.out).doesNotContain("Verified");
  }

  @Test
  void failedCloseKeepsVerdicts() throws Exception {
    CommandTester sync = CommandTester.run("tickets", "sync", "--record", record);
    assertThat(sync.exitCode).as(sync.err).isZero();
    assertThat(dir.resolve("tickets")).as(sync.out).isDirectory();
    try (Stream<Path> tickets = Files.list(dir.resolve("tickets"))) {
      for (Path ticket : tickets.toList()) {
        Files.delete(ticket);
      }
    }

    CommandTester run =
        CommandTester.run(
            "verify",
            "--record",
            record,
            "--rescan",
            rescan,
            "--on-remaining",
            "ignore",
            "--close-tickets");

    assertThat(run.exitCode).as(run.err).isEqualTo(ExitCodes.EXTERNAL_FAILURE);
    assertThat(run.err).contains("was not closed");
    assertThat(run.err).contains("The close is pending in ").contains(".tickets-outbox.json");
    assertThat(RecordStore.read(Path.of(record)).stage(VerifySection.STAGE)).isPresent();
  }

  @Test
  void ticketsOfAnotherSystemNeedTicketsOption() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("tickets.yaml"), "systems:\n  jira:\n    type: file\n    folder: store\n");
    CommandTester sync =
        CommandTester.run("tickets", "sync", "--record", record, "--tickets", config.toString());
    assertThat(sync.exitCode).as(sync.err).isZero();

    CommandTester run =
        CommandTester.run("verify", "--record", record, "--rescan", rescan, "--close-tickets");

    assertThat(run.exitCode).isEqualTo(ExitCodes.INPUT_ERROR);
    assertThat(run.err)
        .contains("--tickets: the tickets of this record are in the ticket system 'jira'");
    assertThat(run.out).doesNotContain("Verified");
  }

  @Test
  void ticketSecretInEvidenceIsRejected() throws Exception {
    Path token = Files.writeString(dir.resolve("token.txt"), TOKEN);
    Path config =
        Files.writeString(
            dir.resolve("tickets.yaml"),
            "systems:\n  jira-sec:\n    type: jira-cloud\n    url: https://jira.invalid\n"
                + "    project: SEC\n    auth: {user: bot@example.com, tokenFile: "
                + token
                + "}\n");
    Path leaking = dir.resolve("after-with-token.json");
    Files.writeString(
        leaking,
        Files.readString(Path.of(rescan))
            .replace("\"Metadata\": {", "\"Metadata\": {\"note\": \"token " + TOKEN + "\","));
    Path evidence = dir.resolve("evidence");

    CommandTester run =
        CommandTester.run(
            "verify",
            "--record",
            record,
            "--rescan",
            leaking.toString(),
            "--on-remaining",
            "ignore",
            "--evidence",
            evidence.toString(),
            "--tickets",
            config.toString());

    assertThat(run.exitCode).isEqualTo(ExitCodes.INPUT_ERROR);
    assertThat(run.err).contains("contains a secret or the signing key");
    assertThat(run.err).doesNotContain(TOKEN);
    try (Stream<Path> files = Files.walk(evidence)) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
  }
}
