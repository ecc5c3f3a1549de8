package io.patchpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTest {
  @Test
  void escapesControlAndBidiCharacters() {
    assertThat(Terminal.safe("a\u001b[31mred")).isEqualTo("a\\u001b[31mred");
    assertThat(Terminal.safe("x\n[KEV] FAKE")).isEqualTo("x\\u000a[KEV] FAKE");
    assertThat(Terminal.safe("evil\u202egnp.exe")).isEqualTo("evil\\u202egnp.exe");
  }

  @Test
  void keepsPlainTextAndTabs() {
    String plain = "openssl -> 3.0.14-1~deb12u1\tstorefront é";
    assertThat(Terminal.safe(plain)).isSameAs(plain);
  }
}
