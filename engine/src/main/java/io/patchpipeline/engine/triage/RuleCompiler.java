package io.patchpipeline.engine.triage;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelReference;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import io.patchpipeline.engine.core.InputException;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compiles and type-checks triage rule expressions against the declared {@link TriageVariables}.
 * Checking at load time turns a misspelled field into an error instead of a rule that is silently
 * never true.
 */
final class RuleCompiler {
  private static final Cel CEL = build();

  private RuleCompiler() {}

  /**
   * Compiles {@code expression}.
   *
   * @param where the rule's place in the policy, such as {@code triage.rules[2] (low-risk).when}
   * @throws InputException naming the rule, the line and column inside the expression, and the
   *     problem
   */
  static Compiled compile(String expression, String source, String where) {
    if (expression == null || expression.isBlank()) {
      throw new InputException(source, where, "missing CEL expression; expected a condition");
    }
    CelAbstractSyntaxTree ast;
    try {
      ast = CEL.compile(expression).getAst();
    } catch (CelValidationException e) {
      CelIssue first = e.getErrors().get(0);
      throw new InputException(
          source, where + ", " + position(first.getSourceLocation()), problem(first), e);
    }
    try {
      return new Compiled(CEL.createProgram(ast), reads(ast));
    } catch (CelEvaluationException e) {
      throw new InputException(source, where, "cannot plan CEL expression: " + e.getMessage(), e);
    }
  }

  /** A compiled expression and the variables it references. */
  record Compiled(CelRuntime.Program program, Set<String> reads) {}

  private static Set<String> reads(CelAbstractSyntaxTree ast) {
    Set<String> names = new TreeSet<>();
    for (CelReference reference : ast.getReferenceMap().values()) {
      if (TriageVariables.types().containsKey(reference.name())) {
        names.add(reference.name());
      }
    }
    return names;
  }

  private static String position(CelSourceLocation location) {
    return "line " + location.getLine() + ", column " + (location.getColumn() + 1);
  }

  private static String problem(CelIssue issue) {
    String message = issue.getMessage();
    if (message.startsWith("undeclared reference")) {
      return "invalid CEL expression: "
          + message
          + "; expected one of the triage variables "
          + TriageVariables.types().keySet();
    }
    return "invalid CEL expression: " + message;
  }

  private static Cel build() {
    var builder =
        CelFactory.standardCelBuilder()
            .setOptions(CelOptions.current().enableHeterogeneousNumericComparisons(true).build())
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .setResultType(SimpleType.BOOL);
    TriageVariables.types().forEach(builder::addVar);
    return builder.build();
  }
}
