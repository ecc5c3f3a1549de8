package io.jenkins.plugins.patchpipeline;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormChecksTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "scans/**/*.json;OK",
        "a.json, b.sarif;OK",
        "'';ERROR",
        "' , ';ERROR",
        "/var/scans/*.json;WARNING",
        "scans/../../etc/*.json;WARNING",
        "C:\\scans\\a.json;WARNING"
      })
  void reportGlobs(String value, FormValidation.Kind expected) {
    assertThat(FormChecks.workspaceGlobs(value).kind).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {"'';OK", "assets.yaml;OK", "inventory/assets.csv;OK", "/etc/assets.yaml;WARNING"})
  void optionalWorkspacePaths(String value, FormValidation.Kind expected) {
    assertThat(FormChecks.optionalWorkspacePath(value).kind).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "'';OK",
        "feeds/kev.json;OK",
        "/srv/feeds/epss.csv.gz;OK",
        "https://www.cisa.gov/kev.json;WARNING",
        "HTTP://mirror.example/epss.csv;WARNING",
        "ftp://mirror.example/kev.json;ERROR",
        "file:///etc/passwd;ERROR"
      })
  void feedSources(String value, FormValidation.Kind expected) {
    assertThat(FormChecks.optionalSource(value).kind).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {"'';OK", "P0;OK", "p3;OK", "P4;ERROR", "high;ERROR"})
  void priorities(String value, FormValidation.Kind expected) {
    assertThat(FormChecks.optionalPriority(value).kind).isEqualTo(expected);
  }

  @Test
  void rejectedSourceNamesTheValue() {
    assertThat(FormChecks.optionalSource(" ftp://x/kev.json ").getMessage())
        .contains("'ftp://x/kev.json'");
  }

  @Test
  void priorityChoicesStartWithNever() {
    ListBoxModel choices = FormChecks.priorityChoices();

    assertThat(choices).extracting(o -> o.value).containsExactly("", "P0", "P1", "P2", "P3");
  }
}
