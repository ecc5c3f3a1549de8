package io.patchpipeline.engine.report;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patchpipeline.engine.core.InputException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every XML parser rejects entity declarations, however its report is otherwise laid out. */
class HostileXmlTest {
  static Stream<Arguments> parsersAndRoots() {
    return Stream.of(
        Arguments.of(new NessusParser(), "NessusClientData_v2"),
        Arguments.of(new QualysParser(), "ASSET_DATA_REPORT"),
        Arguments.of(new OpenVasParser(), "report"),
        Arguments.of(new DependencyCheckXmlParser(), "analysis"));
  }

  @ParameterizedTest
  @MethodSource("parsersAndRoots")
  void rejectsExternalEntity(ReportParser parser, String root) {
    String xml =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE "
            + root
            + " [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<"
            + root
            + "><x>&e;</x></"
            + root
            + ">";
    assertThatThrownBy(
            () -> parser.parse(input("xxe.xml", xml), new AbstractParserTest.CollectingSink()))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("xxe.xml (line 2, column")
        .hasMessageContaining("entity")
        .hasMessageNotContaining("root:x:");
  }

  @ParameterizedTest
  @MethodSource("parsersAndRoots")
  void rejectsBillionLaughs(ReportParser parser, String root) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE " + root + " [\n");
    xml.append("<!ENTITY lol0 \"lol\">\n");
    for (int i = 1; i < 10; i++) {
      xml.append("<!ENTITY lol").append(i).append(" \"");
      xml.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
    }
    xml.append("]>\n<").append(root).append(">&lol9;</").append(root).append(">\n");
    assertThatThrownBy(
            () ->
                parser.parse(
                    input("lolz.xml", xml.toString()), new AbstractParserTest.CollectingSink()))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("lolz.xml (line")
        .hasMessageContaining("entity");
  }

  @ParameterizedTest
  @MethodSource("parsersAndRoots")
  void rejectsOtherRootElement(ReportParser parser, String root) {
    String xml = "<?xml version=\"1.0\"?>\n<catalog><book/></catalog>";
    assertThatThrownBy(
            () -> parser.parse(input("books.xml", xml), new AbstractParserTest.CollectingSink()))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("books.xml (line 2, column")
        .hasMessageContaining("found root element <catalog>; expected <" + root + ">");
  }

  private static ReportInput input(String name, String xml) {
    return AbstractParserTest.bytes(name, xml.getBytes(StandardCharsets.UTF_8));
  }
}
