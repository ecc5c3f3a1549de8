package io.jenkins.plugins.patchpipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.codehaus.groovy.ast.CodeVisitorSupport;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.Phases;
import org.codehaus.groovy.control.SourceUnit;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parses every example Jenkinsfile with the Groovy compiler and checks each call of one of the
 * plugin's steps against the step class, so that examples cannot drift from the code. Calls of
 * steps the plugin does not have yet are left alone; they are checked once the step exists.
 */
class ExampleJenkinsfilesTest {
  private static final Path EXAMPLES = Path.of(System.getProperty("examples.dir", "../examples"));

  /** Function name to step class, read from the plugin's step descriptors. */
  private static final Map<String, Class<?>> STEPS = new TreeMap<>();

  /** Function names of the steps that take a body. */
  private static final Set<String> BLOCK_STEPS = new java.util.TreeSet<>();

  @BeforeAll
  static void findSteps() throws Exception {
    for (JavaClass type :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.patchpipeline")) {
      if (type.isAssignableTo(StepDescriptor.class)
          && !type.getModifiers().contains(JavaModifier.ABSTRACT)) {
        StepDescriptor descriptor =
            (StepDescriptor) type.reflect().getDeclaredConstructor().newInstance();
        STEPS.put(descriptor.getFunctionName(), descriptor.clazz);
        if (descriptor.takesImplicitBlockArgument()) {
          BLOCK_STEPS.add(descriptor.getFunctionName());
        }
      }
    }
    assertThat(STEPS).containsKey("patchDetect");
  }

  @Test
  void examplesIncludeAScheduledAndAFullPipeline() throws IOException {
    assertThat(jenkinsfiles())
        .extracting(p -> p.getFileName().toString())
        .contains(
            "daily-detection.Jenkinsfile",
            "patch-pipeline.Jenkinsfile",
            "canary-deploy.Jenkinsfile");
    assertThat(Files.readString(EXAMPLES.resolve("daily-detection.Jenkinsfile"))).contains("cron(");
  }

  @Test
  void everyStepCallUsesOnlyDeclaredParameters() throws IOException {
    List<String> problems = new ArrayList<>();
    int checkedCalls = 0;
    for (Path file : jenkinsfiles()) {
      for (MethodCallExpression call : calls(file)) {
        Class<?> step = STEPS.get(call.getMethodAsString());
        if (step != null) {
          checkedCalls++;
          problems.addAll(check(file, call, step));
        }
      }
    }
    assertThat(checkedCalls).as("calls of the plugin's steps").isGreaterThanOrEqualTo(2);
    assertThat(problems).isEmpty();
  }

  @Test
  void checkRejectsAnUndeclaredParameter() throws IOException {
    Path file = Files.createTempFile("wrong", ".Jenkinsfile");
    try {
      Files.writeString(file, "node { patchDetect(reports: 'a.json', inventroy: 'x.yaml') }");
      MethodCallExpression call = patchDetectCall(file);

      assertThat(check(file, call, PatchDetectStep.class))
          .singleElement()
          .asString()
          .contains("inventroy");
    } finally {
      Files.delete(file);
    }
  }

  @Test
  void checkAcceptsBodyOnlyForBlockSteps() throws IOException {
    Path file = Files.createTempFile("body", ".Jenkinsfile");
    try {
      Files.writeString(
          file,
          "node { canaryDeploy(plan: 'p.yaml') { sh 'x' }\n"
              + " patchDetect(reports: 'a.json') { sh 'x' } }");
      List<MethodCallExpression> steps =
          calls(file).stream().filter(c -> STEPS.containsKey(c.getMethodAsString())).toList();

      assertThat(check(file, steps.get(0), CanaryDeployStep.class)).isEmpty();
      assertThat(check(file, steps.get(1), PatchDetectStep.class))
          .singleElement()
          .asString()
          .contains("takes no body");
    } finally {
      Files.delete(file);
    }
  }

  @Test
  void checkRejectsAMissingRequiredParameter() throws IOException {
    Path file = Files.createTempFile("missing", ".Jenkinsfile");
    try {
      Files.writeString(file, "node { patchDetect(policy: 'p.yaml') }");
      MethodCallExpression call = patchDetectCall(file);

      assertThat(check(file, call, PatchDetectStep.class))
          .singleElement()
          .asString()
          .contains("reports");
    } finally {
      Files.delete(file);
    }
  }

  private static List<String> check(Path file, MethodCallExpression call, Class<?> step) {
    List<String> problems = new ArrayList<>();
    String where = file.getFileName() + ":" + call.getLineNumber() + " " + call.getMethodAsString();
    Set<String> declared = StepParameters.all(step);
    Set<String> required = StepParameters.required(step);
    Set<String> given = new LinkedHashSet<>();
    List<Expression> positional = new ArrayList<>();
    for (Expression argument : arguments(call)) {
      if (argument instanceof ClosureExpression) {
        if (!BLOCK_STEPS.contains(call.getMethodAsString())) {
          problems.add(where + ": the step takes no body");
        }
      } else if (argument instanceof MapExpression map) {
        for (MapEntryExpression entry : map.getMapEntryExpressions()) {
          given.add(entry.getKeyExpression().getText());
        }
      } else {
        positional.add(argument);
      }
    }
    if (positional.size() == 1 && required.size() == 1 && given.isEmpty()) {
      given.addAll(required);
    } else if (!positional.isEmpty()) {
      problems.add(where + ": positional arguments need named parameters " + declared);
    }
    for (String name : given) {
      if (!declared.contains(name)) {
        problems.add(where + ": unknown parameter '" + name + "'; the step declares " + declared);
      }
    }
    for (String name : required) {
      if (!given.contains(name)) {
        problems.add(where + ": required parameter '" + name + "' is missing");
      }
    }
    return problems;
  }

  /** Returns the arguments; Groovy puts named arguments into one map expression. */
  private static List<Expression> arguments(MethodCallExpression call) {
    Expression arguments = call.getArguments();
    if (arguments instanceof TupleExpression tuple) {
      return tuple.getExpressions();
    }
    return List.of(arguments);
  }

  private static MethodCallExpression patchDetectCall(Path file) throws IOException {
    return calls(file).stream()
        .filter(c -> c.getMethodAsString().equals("patchDetect"))
        .findFirst()
        .orElseThrow();
  }

  private static List<MethodCallExpression> calls(Path file) throws IOException {
    CompilationUnit unit = new CompilationUnit();
    SourceUnit source = unit.addSource(file.toFile());
    unit.compile(Phases.CONVERSION);
    ModuleNode module = source.getAST();
    List<MethodCallExpression> calls = new ArrayList<>();
    CodeVisitorSupport visitor =
        new CodeVisitorSupport() {
          @Override
          public void visitMethodCallExpression(MethodCallExpression call) {
            calls.add(call);
            super.visitMethodCallExpression(call);
          }
        };
    module.getStatementBlock().visit(visitor);
    module.getMethods().forEach(m -> m.getCode().visit(visitor));
    return calls;
  }

  private static List<Path> jenkinsfiles() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.filter(p -> p.toString().endsWith(".Jenkinsfile")).sorted().toList();
    }
  }
}
