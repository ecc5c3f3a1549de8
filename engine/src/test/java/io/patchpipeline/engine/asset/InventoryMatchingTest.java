package io.patchpipeline.engine.asset;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.core.Messages;
import io.patchpipeline.engine.report.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which entry a target resolves to when several match, per the precedence of MatchRank. */
class InventoryMatchingTest {
  private static final String INVENTORY =
      """
      assets:
        - id: glob-web
          globs: ["web-*.example.com", "**/shop-*"]
        - id: lan
          cidrs: [10.0.0.0/8, "2001:db8::/32"]
        - id: lan-servers
          cidrs: 10.1.0.0/16
        - id: lan-servers-db
          cidrs: [10.1.2.0/24]
        - id: web-1
          hostnames: web-1.example.com
        - id: web-1-short
          hostname: web-1
        - id: db-short
          hostnames: [db-1]
        - id: db-ip
          ips: [10.1.2.3, "2001:db8::7"]
        - id: shop-namespace
          namespaces: shop
        - id: shop-web
          workloads: [shop/Deployment/web]
        - id: nginx-any
          images: [nginx]
        - id: nginx-pinned
          images: ["docker.io/library/nginx:1.25"]
        - id: nginx-digest
          images: ["nginx@sha256:ABC123"]
        - id: registry-app
          images: [registry.example.com:5000/team/app]
        - id: first-of-two
          hostnames: [twin.example.com]
        - id: second-of-two
          hostnames: [twin.example.com]
      """;

  @TempDir static Path folder;
  private static FileInventory inventory;
  private static final Messages MESSAGES = new Messages();

  @BeforeAll
  static void load() throws IOException {
    Path file = folder.resolve("inventory.yaml");
    Files.writeString(file, INVENTORY);
    inventory = InventoryLoader.load(file, MESSAGES);
  }

  @ParameterizedTest(name = "host {0} / {1} -> {2}")
  @CsvSource({
    // exact hostname beats the short-name entry and the glob
    "web-1.example.com, , web-1",
    "WEB-1.Example.COM., , web-1",
    // short name matches the qualified entry when no exact entry exists
    "web-1, , web-1-short",
    "db-1.corp.example.com, , db-short",
    // glob when nothing more specific matches
    "web-7.example.com, , glob-web",
    // exact IP beats every CIDR; longest prefix wins among CIDRs
    ", 10.1.2.3, db-ip",
    ", 10.1.2.4, lan-servers-db",
    ", 10.1.9.9, lan-servers",
    ", 10.200.0.1, lan",
    // IPv6: exact address, CIDR, and an address outside every block
    ", 2001:DB8:0:0::7, db-ip",
    ", 2001:db8:1::1, lan",
    ", 2001:db9::1, 2001:db9::1",
    // an IPv4-mapped IPv6 address is its IPv4 address
    ", ::ffff:10.1.2.3, db-ip",
    // a host with both names: the exact IP match outranks a short-name match
    "db-1.corp.example.com, 10.1.2.3, db-ip",
    // an exact hostname and an exact IP tie, so the first entry in the file wins
    "db-1, 10.1.2.3, db-short",
    // a hostname that matches only by CIDR through its IP
    "mail.example.com, 10.9.9.9, lan",
    // ties go to the first entry in the file
    "twin.example.com, , first-of-two",
    "unlisted.example.org, , unlisted.example.org",
  })
  void hostsResolveByPrecedence(String hostname, String ip, String expected) {
    Asset asset = inventory.resolve(Target.host(hostname, ip));

    assertThat(asset.id()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "image {0} -> {1}")
  @CsvSource({
    "nginx:1.25, nginx-pinned",
    "docker.io/library/nginx:1.25, nginx-pinned",
    "index.docker.io/library/nginx:1.25, nginx-pinned",
    "library/nginx:1.27, nginx-any",
    "nginx, nginx-any",
    "nginx@sha256:abc123, nginx-digest",
    "nginx:1.25@sha256:abc123, nginx-digest",
    "registry.example.com:5000/team/app:2.0, registry-app",
    "registry.example.com/team/app:2.0, registry.example.com/team/app:2.0",
    "quay.io/library/nginx:1.25, quay.io/library/nginx:1.25",
  })
  void imagesResolveByPrecedence(String image, String expected) {
    assertThat(inventory.resolve(Target.image(image)).id()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "workload {0}/{1} image {2} -> {3}")
  @CsvSource({
    // the workload entry beats the namespace, the image and the glob
    "shop, Deployment/web, nginx:1.25, shop-web",
    "shop, deployment/WEB, , shop-web",
    // a pinned image beats the namespace
    "shop, Deployment/api, nginx:1.25, nginx-pinned",
    "shop, Deployment/api, redis:7, shop-namespace",
    // the glob matches the workload name across '/' with '**'
    "other, StatefulSet/shop-db, , glob-web",
    "other, StatefulSet/db, , other/StatefulSet/db",
  })
  void workloadsResolveByPrecedence(
      String namespace, String workload, String image, String expected) {
    Target target = Target.workload(namespace, workload, image);

    assertThat(inventory.resolve(target).id()).isEqualTo(expected);
  }

  @Test
  void unmatchedTargetIsExplicitlyUnknown() {
    Asset asset = inventory.resolve(Target.file("/srv/app/requirements.txt"));

    assertThat(asset.known()).isFalse();
    assertThat(asset.id()).isEqualTo("/srv/app/requirements.txt");
    assertThat(asset.criticality()).isEqualTo(Criticality.UNKNOWN);
    assertThat(asset.exposure()).isEqualTo(Exposure.UNKNOWN);
  }

  @Test
  void matchedAssetIsKnown() {
    assertThat(inventory.resolve(Target.host("web-1.example.com", "")).known()).isTrue();
  }

  @Test
  void samePatternInTwoEntriesIsWarned() {
    assertThat(MESSAGES.list())
        .singleElement()
        .satisfies(
            message ->
                assertThat(message.text())
                    .contains("(line 32, column 5): hostname twin.example.com is also listed")
                    .contains("asset 'first-of-two' at line 30, column 5"));
  }

  @Test
  void repeatedTargetGivesSameAsset() {
    Target target = Target.host("web-7.example.com", "");

    assertThat(inventory.resolve(target)).isSameAs(inventory.resolve(target));
  }
}
