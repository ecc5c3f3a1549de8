package io.jenkins.plugins.patchpipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.SAXException;

/**
 * Checks the Jelly views and help files against the classes they describe: every view escapes by
 * default and is well-formed, and every form field is a property with its own help file.
 */
class ViewsTest {
  private static final Path RESOURCES = Path.of("src/main/resources");
  private static final Path PACKAGE = RESOURCES.resolve("io/jenkins/plugins/patchpipeline");
  private static final Pattern FIELD = Pattern.compile("field=\"([A-Za-z0-9_]+)\"");

  static List<Path> jellyFiles() throws IOException {
    try (Stream<Path> files = Files.walk(RESOURCES)) {
      return files.filter(p -> p.toString().endsWith(".jelly")).sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("jellyFiles")
  void viewEscapesByDefaultAndIsWellFormed(Path view) throws Exception {
    String text = Files.readString(view);

    assertThat(text).startsWith("<?jelly escape-by-default='true'?>");
    parse(view);
  }

  @ParameterizedTest
  @ValueSource(classes = {PatchDetectStep.class, VerifyCveStep.class, CanaryDeployStep.class})
  void stepFormFieldsAreParametersWithHelp(Class<?> step) throws IOException {
    Set<String> parameters = StepParameters.all(step);
    Path folder = PACKAGE.resolve(step.getSimpleName());

    assertThat(fields(folder.resolve("config.jelly"))).isEqualTo(new TreeSet<>(parameters));
    for (String parameter : parameters) {
      assertThat(folder.resolve("help-" + parameter + ".html")).as(parameter).isRegularFile();
    }
    assertThat(folder.resolve("help.html")).isRegularFile();
  }

  @ParameterizedTest
  @ValueSource(classes = {PatchPipelineConfiguration.class})
  void configurationFieldsHaveHelp(Class<?> type) throws IOException {
    Path folder = PACKAGE.resolve(type.getSimpleName());

    for (String field : fields(folder.resolve("config.jelly"))) {
      String suffix = Character.toUpperCase(field.charAt(0)) + field.substring(1);
      assertThat(Stream.of(type.getMethods()).map(m -> m.getName()))
          .as(field)
          .contains("set" + suffix);
      assertThat(folder.resolve("help-" + field + ".html")).as(field).isRegularFile();
    }
  }

  private static Set<String> fields(Path view) throws IOException {
    Set<String> fields = new TreeSet<>();
    Matcher matcher = FIELD.matcher(Files.readString(view));
    while (matcher.find()) {
      fields.add(matcher.group(1));
    }
    return fields;
  }

  private static void parse(Path view)
      throws ParserConfigurationException, SAXException, IOException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setNamespaceAware(true);
    factory.newDocumentBuilder().parse(view.toFile());
  }
}
