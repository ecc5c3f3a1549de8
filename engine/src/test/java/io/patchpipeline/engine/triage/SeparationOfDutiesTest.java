package io.patchpipeline.engine.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchpipeline.engine.policy.Priority;
import io.patchpipeline.engine.triage.SeparationOfDuties.Result;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SeparationOfDutiesTest {
  @ParameterizedTest(name = "{0} (starter {1}, authors {2}, admin {3}, {4}, self ok at {5}) -> {6}")
  @CsvSource({
    "bob,   alice, carol,       false, P1, '',    ALLOWED",
    "alice, alice, carol,       false, P1, '',    REJECTED",
    "ALICE, alice, carol,       false, P1, '',    REJECTED",
    "carol, alice, carol,       false, P1, '',    REJECTED",
    "carol, alice, 'dave;carol', false, P2, '',   REJECTED",
    "alice, alice, carol,       false, P3, P3,    SELF_APPROVAL_ALLOWED",
    "alice, alice, carol,       false, P1, P3,    REJECTED",
    "alice, alice, carol,       true,  P1, '',    OVERRIDE",
    "alice, alice, carol,       true,  P3, P3,    SELF_APPROVAL_ALLOWED",
    "bob,   alice, carol,       true,  P1, '',    ALLOWED",
    "bob,   '',    '',          false, P0, '',    ALLOWED",
    "'',    alice, carol,       true,  P1, '',    REJECTED",
  })
  void checksApprover(
      String approver,
      String startedBy,
      String authors,
      boolean administrator,
      Priority priority,
      String selfApproval,
      Result expected) {
    Set<Priority> allowed = EnumSet.noneOf(Priority.class);
    if (!selfApproval.isEmpty()) {
      allowed.add(Priority.parse(selfApproval));
    }
    List<String> authorList = authors.isEmpty() ? List.of() : Arrays.asList(authors.split(";"));

    SeparationOfDuties.Verdict verdict =
        SeparationOfDuties.check(
            new SeparationOfDuties.Request(
                approver,
                startedBy.isEmpty() ? Optional.empty() : Optional.of(startedBy),
                authorList,
                administrator,
                priority,
                allowed));

    assertThat(verdict.result()).isEqualTo(expected);
    assertThat(verdict.allowed()).isEqualTo(expected != Result.REJECTED);
    if (expected == Result.REJECTED) {
      assertThat(verdict.reason()).isNotBlank();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"mallory\u200b", "m\u0430llory", "\u202emallory", "mallory\u001b[31m"})
  void lookalikeIdIsRejected(String approver) {
    SeparationOfDuties.Verdict verdict = check(approver, "mallory", true);

    assertThat(verdict.result()).isEqualTo(Result.REJECTED);
    assertThat(verdict.reason()).startsWith("approver id is invalid");
  }

  @Test
  void compatibilityFormMatchesStarter() {
    SeparationOfDuties.Verdict verdict = check("\uff2dallory", "mallory", false);

    assertThat(verdict.result()).isEqualTo(Result.REJECTED);
    assertThat(verdict.reason()).contains("started this run");
  }

  @Test
  void accentedIdIsAllowed() {
    assertThat(check("jos\u00e9", "mallory", false).result()).isEqualTo(Result.ALLOWED);
  }

  private static SeparationOfDuties.Verdict check(
      String approver, String startedBy, boolean administrator) {
    return SeparationOfDuties.check(
        new SeparationOfDuties.Request(
            approver, Optional.of(startedBy), List.of(), administrator, Priority.P1, Set.of()));
  }
}
