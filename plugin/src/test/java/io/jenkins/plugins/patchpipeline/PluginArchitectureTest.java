package io.jenkins.plugins.patchpipeline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import hudson.FilePath;
import io.patchpipeline.engine.report.ReportParser;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import jenkins.MasterToSlaveFileCallable;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.verb.POST;

/** Jenkins security and design rules for the plugin's classes, checked on their bytecode. */
class PluginArchitectureTest {
  private static final String PLUGIN = "io.jenkins.plugins.patchpipeline";

  private static JavaClasses plugin;

  @BeforeAll
  static void importPlugin() {
    plugin =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(PLUGIN);
  }

  /** Stapler routes {@code do*} methods to URLs; GET requests must not reach them (CSRF). */
  @Test
  void webMethodsAcceptOnlyPost() {
    methods()
        .that(areWebMethods())
        .should()
        .beAnnotatedWith(POST.class)
        .allowEmptyShould(true)
        .check(plugin);
  }

  /** Form checks and fills reveal configuration, so each checks a permission first. */
  @Test
  void webMethodsCheckAPermission() {
    methods().that(areWebMethods()).should(checkAPermission()).allowEmptyShould(true).check(plugin);
  }

  @Test
  void staticInitializersDoNotReachJenkins() {
    noClasses()
        .should(callJenkinsFromAStaticInitializer())
        .because("Jenkins is not ready when classes load, and tests have no Jenkins")
        .check(plugin);
  }

  /** Steps stay thin: parameters only; executions call the engine through one options object. */
  @Test
  void stepsDoNotUseTheEngine() {
    noClasses()
        .that()
        .areAssignableTo(Step.class)
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.patchpipeline.engine..")
        .check(plugin);
  }

  /** Parsing and JSON belong to the engine; the plugin moves bytes and summaries. */
  @Test
  void pluginDoesNotParseReportsOrJson() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.fasterxml.jackson..")
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(ReportParser.class)
        .check(plugin);
  }

  /** Agent-side work must carry the controller-to-agent role check. */
  @Test
  void fileCallablesRunOnlyFromControllerToAgent() {
    classes()
        .that()
        .implement(FilePath.FileCallable.class)
        .should()
        .beAssignableTo(MasterToSlaveFileCallable.class)
        .allowEmptyShould(true)
        .check(plugin);
  }

  private static DescribedPredicate<JavaMethod> areWebMethods() {
    return DescribedPredicate.describe(
        "are Stapler web methods (public do[A-Z]*)",
        method ->
            method.getModifiers().contains(JavaModifier.PUBLIC)
                && method.getName().matches("do[A-Z].*"));
  }

  /** Passes when the method, or a private helper of its class it calls, calls checkPermission. */
  private static ArchCondition<JavaMethod> checkAPermission() {
    return new ArchCondition<>("call checkPermission, directly or through a private helper") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        boolean checks = callsCheckPermission(method, new HashSet<>());
        events.add(new SimpleConditionEvent(method, checks, method.getFullName()));
      }
    };
  }

  private static boolean callsCheckPermission(JavaCodeUnit unit, Set<JavaCodeUnit> seen) {
    if (!seen.add(unit)) {
      return false;
    }
    for (JavaCall<?> call : unit.getCallsFromSelf()) {
      if (call.getName().equals("checkPermission")) {
        return true;
      }
      if (call.getTargetOwner().equals(unit.getOwner())) {
        Optional<? extends JavaCodeUnit> helper = call.getTarget().resolveMember();
        if (helper.isPresent()
            && helper.get().getModifiers().contains(JavaModifier.PRIVATE)
            && callsCheckPermission(helper.get(), seen)) {
          return true;
        }
      }
    }
    return false;
  }

  private static ArchCondition<com.tngtech.archunit.core.domain.JavaClass>
      callJenkinsFromAStaticInitializer() {
    return new ArchCondition<>("call Jenkins or look up extensions in a static initializer") {
      @Override
      public void check(com.tngtech.archunit.core.domain.JavaClass type, ConditionEvents events) {
        type.getStaticInitializer()
            .ifPresent(
                init -> {
                  for (JavaCall<?> call : init.getCallsFromSelf()) {
                    String owner = call.getTargetOwner().getName();
                    boolean jenkins =
                        owner.equals("jenkins.model.Jenkins")
                            || owner.equals("hudson.ExtensionList")
                            || (owner.equals(PatchPipelineConfiguration.class.getName())
                                && call.getName().equals("get"));
                    if (jenkins) {
                      events.add(SimpleConditionEvent.satisfied(call, call.getDescription()));
                    }
                  }
                });
      }
    };
  }
}
