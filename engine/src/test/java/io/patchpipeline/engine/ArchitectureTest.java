package io.patchpipeline.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the engine free of Jenkins types, free of package cycles and in stage order. */
class ArchitectureTest {
  /** Engine packages, lowest first: a package may depend only on those listed before it. */
  static final List<String> LAYERS =
      List.of(
          "core",
          "http",
          "report",
          "intel",
          "asset",
          "policy",
          "record",
          "ticket",
          "triage",
          "deploy",
          "verify",
          "evidence",
          "ledger",
          "service");

  private static JavaClasses engine;

  @BeforeAll
  static void importEngine() {
    engine =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.patchpipeline.engine");
  }

  @Test
  void engineUsesNoJenkinsTypes() {
    ArchRule rule =
        noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke..");
    rule.check(engine);
  }

  @Test
  void enginePackagesHaveNoCycles() {
    slices().matching("io.patchpipeline.engine.(*)..").should().beFreeOfCycles().check(engine);
  }

  @Test
  void packagesDependOnlyOnEarlierStages() {
    for (int i = 0; i < LAYERS.size(); i++) {
      String[] later =
          LAYERS.subList(i + 1, LAYERS.size()).stream()
              .map(name -> "io.patchpipeline.engine." + name + "..")
              .toArray(String[]::new);
      if (later.length == 0) {
        continue;
      }
      noClasses()
          .that()
          .resideInAPackage("io.patchpipeline.engine." + LAYERS.get(i) + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(later)
          .allowEmptyShould(true)
          .check(engine);
    }
  }

  @Test
  void engineDoesNotLog() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.util.logging..", "org.slf4j..", "org.apache.logging..")
        .check(engine);
  }
}
