package io.patchpipeline.engine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecureXmlTest {
  @Test
  void ignoresExternalDtdNamedByDoctype() throws XMLStreamException {
    String xml =
        "<?xml version=\"1.0\"?>\n"
            + "<!DOCTYPE SCAN SYSTEM \"https://qualysapi.example.invalid/scan-1.dtd\">\n"
            + "<SCAN><IP>10.0.0.1</IP><T>a &lt; b &amp; &#67;</T></SCAN>";
    assertThat(texts(xml)).containsExactly("10.0.0.1", "a < b & C");
  }

  @Test
  void neverFetchesExternalDtdOrParameterEntity() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          byte[] body = "<!ENTITY leak \"fetched\">".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/report.dtd";
      assertThat(texts("<!DOCTYPE r SYSTEM \"" + url + "\"><r>kept</r>")).containsExactly("kept");
      assertThatThrownBy(
              () -> texts("<!DOCTYPE r [<!ENTITY % p SYSTEM \"" + url + "\"> %p;]><r>&leak;</r>"))
          .isInstanceOf(InputException.class);
    } finally {
      server.stop(0);
    }
    assertThat(requests).hasValue(0);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>plain</x>",
        "<!DOCTYPE x [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/evil.dtd\"> %p;]><x/>",
        "<!DOCTYPE x SYSTEM \"file:///etc/passwd\" [<!ENTITY e \"v\">]><x>&e;</x>",
        "<!DOCTYPE x [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><x>&c;</x>",
        "<x>&undeclared;</x>",
      })
  void rejectsEntities(String xml) {
    assertThatThrownBy(() -> texts(xml))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("hostile.xml");
  }

  @Test
  void rejectsBillionLaughs() {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n");
    xml.append(" <!ENTITY lol0 \"lol\">\n");
    for (int i = 1; i < 10; i++) {
      xml.append(" <!ENTITY lol").append(i).append(" \"");
      xml.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
    }
    xml.append("]>\n<lolz>&lol9;</lolz>\n");
    assertThatThrownBy(() -> texts(xml.toString()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("hostile.xml")
        .hasMessageContaining("entity");
  }

  @Test
  void reportsMalformedXmlWithPosition() {
    assertThatThrownBy(() -> texts("<a>\n<b></a>"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("hostile.xml (line 2, column");
  }

  private static List<String> texts(String xml) throws XMLStreamException {
    XMLStreamReader reader =
        SecureXml.open(
            new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "hostile.xml");
    List<String> texts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    try {
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.CHARACTERS) {
          text.append(reader.getText());
        } else if (event == XMLStreamConstants.END_ELEMENT && !text.isEmpty()) {
          texts.add(text.toString());
          text.setLength(0);
        }
      }
    } catch (XMLStreamException e) {
      throw new InputException("hostile.xml", SecureXml.position(e), e.getMessage(), e);
    }
    return texts;
  }
}
