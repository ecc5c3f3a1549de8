package io.patchpipeline.engine.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.Message;
import io.patchpipeline.engine.core.Messages;
import io.patchpipeline.engine.report.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InventoryLoaderTest {
  @TempDir Path folder;
  private final Messages messages = new Messages();

  @Test
  void yamlAndCsvExamplesDescribeTheSameAssets() {
    FileInventory yaml = InventoryLoader.load(example("inventory.yaml"), messages);
    FileInventory csv = InventoryLoader.load(example("inventory.csv"), messages);

    assertThat(yaml.assets()).hasSize(6);
    assertThat(csv.assets()).isEqualTo(yaml.assets());
    assertThat(messages.list()).isEmpty();
    for (Target target :
        new Target[] {
          Target.host("shop-db-1", ""),
          Target.host("", "10.20.1.15"),
          Target.host("", "2001:db8:30::9"),
          Target.workload("shop", "Deployment/web", "registry.example.com/shop/web:4.2"),
          Target.workload("shop", "CronJob/report", "busybox:1"),
          Target.image(
              "alpine@sha256:4bcff63911fcb4448bd4fdacec207030997caf25e9bea4045fa6c8c44de311d1"),
          Target.image("python:3.12-slim"),
          Target.host("WEB-12.example.com", ""),
        }) {
      Asset asset = yaml.resolve(target);
      assertThat(asset.known()).as(target.name()).isTrue();
      assertThat(csv.resolve(target)).as(target.name()).isEqualTo(asset);
    }
  }

  @Test
  void exampleAssetCarriesEveryField() {
    FileInventory inventory = InventoryLoader.load(example("inventory.yaml"), messages);

    Asset asset = inventory.resolve(Target.host("shop-db-1.example.com", ""));

    assertThat(asset)
        .isEqualTo(
            new Asset(
                "shop-db-1",
                Criticality.CRITICAL,
                "prod",
                "team-shop@example.com",
                Exposure.INTERNAL,
                "shop-databases",
                true));
    assertThat(inventory.resolve(Target.host("web-3.example.com", "")).group()).isEqualTo("web");
    assertThat(inventory.resolve(Target.image("python:3.12-slim")).group())
        .isEqualTo("base-image-2025");
  }

  @Test
  void bareListAndJsonAreRead() throws IOException {
    Path list = write("list.yaml", "- {name: a, tier: tier2, env: DEV, hostname: a.example.com}\n");
    Path json = write("inventory.json", "{\"assets\":[{\"id\":\"b\",\"ips\":[\"10.0.0.1\"]}]}");

    Asset a = InventoryLoader.load(list, messages).resolve(Target.host("a", ""));
    Asset b = InventoryLoader.load(json, messages).resolve(Target.host("", "10.0.0.1"));

    assertThat(a.id()).isEqualTo("a");
    assertThat(a.criticality()).isEqualTo(Criticality.HIGH);
    assertThat(a.environment()).isEqualTo("dev");
    assertThat(b.id()).isEqualTo("b");
    assertThat(b.environment()).isEqualTo("unknown");
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "- {id: a, criticality: severe, hostnames: [a]} | line 1, column 24 |"
            + " unknown criticality 'severe'; expected critical, high, medium or low",
        "- {id: a, exposure: dmz, hostnames: [a]} | line 1, column 21 |"
            + " unknown exposure 'dmz'; expected internet, internal or isolated",
        "- {id: a, cidrs: [10.0.0.0/33]} | line 1, column 19 |"
            + " CIDR '10.0.0.0/33' is malformed; expected address/prefix",
        "- {id: a, cidrs: [10.0.0.0]} | line 1, column 19 | CIDR '10.0.0.0' is malformed",
        "- {id: a, cidrs: [10.1.2.3/16]} | line 1, column 19 |"
            + " has bits set after the /16 prefix; expected the block's first address,"
            + " such as 10.1.0.0/16",
        "- {id: a, cidrs: ['2001:db8::1/32']} | line 1, column 19 | such as 2001:db8::/32",
        "- {id: a, ips: [10.0.0.256]} | line 1, column 17 | IP address '10.0.0.256' is invalid",
        "- {id: a, ips: ['2001:db8:::1']} | line 1, column 17 | IP address '2001:db8:::1'",
        "- {id: a, hostnames: ['web *']} | line 1, column 23 | hostname 'web *' is invalid",
        "- {id: a, workloads: [shop/web]} | line 1, column 23 |"
            + " workload 'shop/web' is malformed; expected namespace/Kind/name",
        "- {id: a, namespaces: [shop/web]} | line 1, column 24 | namespace 'shop/web' contains '/'",
        "- {id: a, globs: ['']} | line 1, column 19 | empty glob",
        "- {criticality: high, hostnames: [a]} | line 1, column 3 | the entry has no id",
        "- {id: a} | line 1, column 3 | asset 'a' names no targets",
        "- {id: a, hostnames: [a]}\\n- {id: a, hostnames: [b]} | line 2, column 3 |"
            + " asset id 'a' is already used at line 1, column 3",
        "- {id: a, crticality: high, hostnames: [a]} | line 1, column 11 |"
            + " unknown field 'crticality'; expected one of id (or name), criticality",
        "- {id: a, owner: {name: x}, hostnames: [a]} | line 1, column 18 |"
            + " field 'owner' is not a single value",
        "- {id: a, hostnames: [[a]]} | line 1, column 23 | an item of hostnames is not a single",
        "- web-1 | line 1, column 3 | an asset is not a mapping",
        "assets: {id: a} | line 1, column 9 | assets is not a list",
        "hosts: [] | line 1, column 8 | unknown top-level field 'hosts'; expected assets",
        "version: 1 | line 1, column 10 | unknown top-level field 'version'",
        "{} | line 1, column 2 | the inventory has no assets list",
        "just text | line 1, column 1 | the inventory is not a mapping",
        "'' | line 1, column 1 | the inventory is empty",
        "- {id: a, hostnames: [a] | line 1, column 25 | invalid YAML",
      })
  void badYamlNamesPositionAndExpectation(String content, String position, String problem)
      throws IOException {
    Path file = write("inventory.yaml", content.replace("\\n", "\n"));

    assertThatThrownBy(() -> InventoryLoader.load(file, messages))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + " (" + position + "): ")
        .hasMessageContaining(problem);
  }

  @Test
  void emptyYamlIsRejected() throws IOException {
    Path file = write("inventory.yaml", "");

    assertThatThrownBy(() -> InventoryLoader.load(file, messages))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("the inventory is empty; expected a mapping with an assets list");
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "criticality,hostnames\\nhigh,a | line 1 | the header has no id column",
        "id,hostnames\\na,a,extra | line 2 | found 3 columns; expected at most 2",
        "id,criticality,hostnames\\na,urgent,a | line 2 | unknown criticality 'urgent'",
        "id,cidrs\\na,10.0.0.0/8 192.168.1.1/16 | line 2 | CIDR '192.168.1.1/16' has bits set",
        "id,hostnames\\na,a\\n# comment\\na,b | line 4 | asset id 'a' is already used at line 2",
        "id,hostnames\\n,a | line 2 | the entry has no id",
        "id,hostnames\\n\"a,b | line 2 | invalid CSV",
      })
  void badCsvNamesLineAndExpectation(String content, String position, String problem)
      throws IOException {
    Path file = write("inventory.csv", content.replace("\\n", "\n"));

    assertThatThrownBy(() -> InventoryLoader.load(file, messages))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + " (" + position + "): ")
        .hasMessageContaining(problem);
  }

  @Test
  void unknownCsvColumnsAreWarned() throws IOException {
    Path file =
        write(
            "inventory.csv",
            "\uFEFFName,Serial Number,Hostnames,Criticality\n"
                + "db,SN-1,\"db-1.example.com, db-2.example.com\",Tier1\n");

    FileInventory inventory = InventoryLoader.load(file, messages);

    assertThat(inventory.resolve(Target.host("db-2.example.com", "")).criticality())
        .isEqualTo(Criticality.CRITICAL);
    assertThat(messages.list())
        .extracting(Message::text)
        .containsExactly(
            file
                + " (line 1): column 'Serial Number' is not a field and is ignored; the fields"
                + " are "
                + EntryBuilder.FIELDS);
  }

  @Test
  void emptyCsvIsRejected() throws IOException {
    Path file = write("inventory.csv", "# only a comment\n");

    assertThatThrownBy(() -> InventoryLoader.load(file, messages))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("the inventory is empty");
  }

  @Test
  void missingFileIsRejected() {
    Path file = folder.resolve("absent.yaml");

    assertThatThrownBy(() -> InventoryLoader.load(file, messages))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ": cannot read the inventory");
  }

  private Path write(String name, String content) throws IOException {
    Path file = folder.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  /** Returns a file of the project's examples folder, found from the working directory up. */
  static Path example(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("examples").resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("examples/" + name + " not found above the working folder");
  }
}
