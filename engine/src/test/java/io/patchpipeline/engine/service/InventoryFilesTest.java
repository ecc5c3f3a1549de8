package io.patchpipeline.engine.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.verify.InventoryFormat;
import io.patchpipeline.engine.verify.VerifyOptions.InventoryInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InventoryFilesTest {
  @TempDir Path workspace;

  @ParameterizedTest
  @CsvSource({
    "facts/all.json, auto, ANSIBLE, ''",
    "facts/db-01.dpkg.txt, auto, DPKG, db-01",
    "facts/db-02.rpm, auto, RPM, db-02",
    "facts/edge.example.com.apk.txt, auto, APK, edge.example.com",
    "facts/web1.UNAME.txt, AUTO, UNAME, web1",
    "facts/web1.txt, dpkg, DPKG, web1",
    "facts/web1.packages.txt, RPM, RPM, web1",
    "facts/hosts.json, ansible, ANSIBLE, ''"
  })
  void formatAndHostFromName(String file, String format, InventoryFormat expected, String host)
      throws IOException {
    write(file);

    List<InventoryInput> inputs = InventoryFiles.resolve(workspace, List.of(file), format);

    assertThat(inputs).hasSize(1);
    assertThat(inputs.get(0).format()).isEqualTo(expected);
    assertThat(inputs.get(0).host()).isEqualTo(host);
  }

  @Test
  void globExpandsToEveryFile() throws IOException {
    write("facts/a.dpkg.txt");
    write("facts/b.dpkg.txt");

    List<InventoryInput> inputs = InventoryFiles.resolve(workspace, List.of("facts/*.txt"), null);

    assertThat(inputs).extracting(InventoryInput::host).containsExactly("a", "b");
  }

  @Test
  void unknownNameIsRejectedWithTheFile() throws IOException {
    write("facts/web1.txt");

    assertThatThrownBy(() -> InventoryFiles.resolve(workspace, List.of("facts/web1.txt"), "auto"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("facts/web1.txt")
        .hasMessageContaining("HOST.dpkg.txt");
  }

  @Test
  void unknownFormatIsRejected() {
    assertThatThrownBy(() -> InventoryFiles.parse("yaml"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("unknown format 'yaml'");
  }

  @Test
  void globsExpandRelativeToTheBase() throws IOException {
    write("after/scan-1.json");

    assertThat(Globs.expand(workspace, List.of("after/*.json")))
        .containsExactly(workspace.resolve("after/scan-1.json"));
  }

  private void write(String file) throws IOException {
    Path path = workspace.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, "openssl 3.0.11-1\n");
  }
}
