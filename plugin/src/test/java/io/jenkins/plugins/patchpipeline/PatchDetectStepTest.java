package io.jenkins.plugins.patchpipeline;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kohsuke.stapler.DataBoundSetter;

class PatchDetectStepTest {
  private final PatchDetectStep.DescriptorImpl descriptor = new PatchDetectStep.DescriptorImpl();

  @Test
  void constructorTakesReportsByTheNameJenkinsReads() {
    assertThat(StepParameters.required(PatchDetectStep.class)).containsExactly("reports");
  }

  @Test
  void optionalParametersAreDataBoundSetters() {
    assertThat(StepParameters.optional(PatchDetectStep.class))
        .containsExactlyInAnyOrder(
            "inventory", "policy", "kev", "epss", "failOnPriority", "tickets", "failOnTicketError");
  }

  @ParameterizedTest
  @CsvSource({"inventory", "policy", "kev", "epss", "failOnPriority"})
  void setterValueIsReadBackByItsGetter(String name) throws Exception {
    PatchDetectStep step = new PatchDetectStep("scans/*.json");
    String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    PatchDetectStep.class.getMethod("set" + suffix, String.class).invoke(step, "value-" + name);
    Object read = PatchDetectStep.class.getMethod("get" + suffix).invoke(step);
    assertThat(read).isEqualTo("value-" + name);
  }

  @Test
  void everySetterHasAGetterForTheSnippetGenerator() {
    for (Method setter : PatchDetectStep.class.getMethods()) {
      if (setter.isAnnotationPresent(DataBoundSetter.class)) {
        // Jenkins reads a boolean property through an "is" getter as well.
        boolean flag = setter.getParameterTypes()[0] == boolean.class;
        String getter = (flag ? "is" : "get") + setter.getName().substring(3);
        assertThat(Arrays.stream(PatchDetectStep.class.getMethods()).map(Method::getName))
            .as(setter.getName())
            .contains(getter);
      }
    }
  }

  @Test
  void ticketErrorsMakeTheBuildUnstableByDefault() {
    PatchDetectStep step = new PatchDetectStep("scans/*.json");

    assertThat(step.isFailOnTicketError()).isFalse();
    step.setFailOnTicketError(true);
    assertThat(step.isFailOnTicketError()).isTrue();
  }

  @Test
  void reportsAreKeptAsGiven() {
    assertThat(new PatchDetectStep("a.json, b/*.json").getReports()).isEqualTo("a.json, b/*.json");
  }

  @Test
  void functionNameIsPatchDetect() {
    assertThat(descriptor.getFunctionName()).isEqualTo("patchDetect");
  }

  @Test
  void stepNeedsAWorkspaceOnANode() {
    Set<Class<?>> required = new HashSet<>(descriptor.getRequiredContext());
    assertThat(required)
        .containsExactlyInAnyOrder(Run.class, TaskListener.class, FilePath.class, Launcher.class);
  }

  @Test
  void descriptorDescribesTheStep() {
    assertThat(descriptor.clazz).isEqualTo(PatchDetectStep.class);
  }
}
