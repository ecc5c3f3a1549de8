package io.patchpipeline.engine.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.intel.KevStatus;
import io.patchpipeline.engine.record.UnitFinding;
import io.patchpipeline.engine.report.Target;
import io.patchpipeline.engine.report.TargetKind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AssetLookupTest {
  @ParameterizedTest(name = "{1} {0}")
  @CsvSource({
    "web-1,                      HOST,                web-1,        web-1,  '',       ''",
    "10.0.0.7,                   HOST,                10.0.0.7,     '',     '',       ''",
    "nginx:1.25,                 IMAGE,               nginx:1.25,   '',     '',       ''",
    "shop/Deployment/api,        KUBERNETES_WORKLOAD, shop/Deployment/api, '', shop, Deployment/api",
    "api,                        KUBERNETES_WORKLOAD, /api,         '',     '',       api",
    "package-lock.json,          FILE,                package-lock.json, '', '',     ''",
    "org/repo,                   REPOSITORY,          org/repo,     '',     '',       ''",
    "thing,                      gadget,              thing,        '',     '',       ''",
  })
  void rebuildsTarget(
      String name,
      String kind,
      String expectedName,
      String hostname,
      String namespace,
      String workload) {
    UnitFinding base = Fixtures.finding("f", "CVE-1", "a", 5.0, 0.1, KevStatus.NOT_LISTED);
    UnitFinding finding =
        new UnitFinding(
            base.id(),
            base.vulnerabilityId(),
            base.cves(),
            base.aliases(),
            base.packageName(),
            base.ecosystem(),
            base.purl(),
            base.packageKind(),
            base.installedVersion(),
            base.fixedVersions(),
            List.of(name),
            kind,
            base.assetId(),
            base.assetGroup(),
            base.owner(),
            base.severity(),
            base.severitySource(),
            base.maxCvss(),
            base.cvssVectors(),
            base.epss(),
            base.epssPercentile(),
            base.kev(),
            base.kevDueDate(),
            base.knownRansomwareUse(),
            base.priority(),
            base.dueDate(),
            base.needsTicket(),
            base.rule(),
            base.ruleInputs(),
            base.reports(),
            base.scanners(),
            base.published(),
            base.title());

    Target target = AssetLookup.target(finding);

    assertThat(target.name()).isEqualTo(expectedName);
    assertThat(target.hostname()).isEqualTo(hostname);
    assertThat(target.namespace()).isEqualTo(namespace);
    assertThat(target.workload()).isEqualTo(workload);
    assertThat(target.kind())
        .isEqualTo(kind.equals("gadget") ? TargetKind.UNKNOWN : TargetKind.valueOf(kind));
  }
}
