package io.patchpipeline.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2LedgerTest extends LedgerContractTest {
  @TempDir Path folder;

  @Override
  LedgerOptions emptyDatabase() {
    return currentOptions();
  }

  @Override
  LedgerOptions currentOptions() {
    return LedgerOptions.h2(folder.resolve("ledger.mv.db"));
  }

  @Test
  void keepsOneFile() {
    assertThat(Files.exists(folder.resolve("ledger.mv.db"))).isTrue();
  }

  @Test
  void optionsNeverPrintThePassword() {
    LedgerOptions options =
        new LedgerOptions("jdbc:postgresql://127.0.0.1:1/x?password=hunter2", "u", "s3cr3t-Pa55");

    assertThat(options.toString()).doesNotContain("hunter2").doesNotContain("s3cr3t-Pa55");
    assertThatThrownBy(() -> Ledger.open(options))
        .isInstanceOf(LedgerException.class)
        .hasMessageNotContaining("hunter2")
        .hasMessageNotContaining("s3cr3t-Pa55")
        .hasMessageContaining("password=***");
  }

  @Test
  void unsupportedUrlIsRejected() {
    assertThatThrownBy(() -> new LedgerOptions("jdbc:mysql://db/ledger", "", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:h2:file:PATH");
  }
}
