package io.patchpipeline.engine.core;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX readers that never resolve an external entity or fetch a DTD. A DOCTYPE that only names an
 * external DTD (Qualys reports start with one) is skipped; one that declares an entity is rejected.
 */
public final class SecureXml {
  private SecureXml() {}

  /** Opens a streaming reader; the caller reports problems with {@link #position}. */
  public static XMLStreamReader open(InputStream in, String file) {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, true);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    // JDK (SJSXP) property: read the DOCTYPE but never load the external subset it names.
    factory.setProperty("http://java.sun.com/xml/stream/properties/ignore-external-dtd", true);
    factory.setProperty(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException(
              "external resource " + systemId + " is not fetched; reports must be self-contained");
        });
    try {
      return new GuardedReader(factory.createXMLStreamReader(in), file);
    } catch (XMLStreamException e) {
      throw new InputException(file, position(e), "not well-formed XML: " + problem(e), e);
    }
  }

  /** Returns the parser's description of {@code e} without the position prefix that SJSXP adds. */
  public static String problem(XMLStreamException e) {
    String text = String.valueOf(e.getMessage());
    int message = text.indexOf("Message: ");
    String problem = message >= 0 ? text.substring(message + "Message: ".length()) : text;
    return problem.trim().replaceFirst("\\.$", "");
  }

  /** Formats the location of a StAX error as {@code line L, column C}. */
  public static String position(XMLStreamException e) {
    return e.getLocation() == null
        ? ""
        : "line "
            + e.getLocation().getLineNumber()
            + ", column "
            + e.getLocation().getColumnNumber();
  }

  /** Formats the reader's current location as {@code line L, column C}. */
  public static String position(XMLStreamReader reader) {
    return reader.getLocation() == null
        ? ""
        : "line "
            + reader.getLocation().getLineNumber()
            + ", column "
            + reader.getLocation().getColumnNumber();
  }

  /**
   * Reader that rejects entity declarations and references as they are met. Callers step with
   * {@code next()} only, because {@code nextTag()} and {@code getElementText()} of the delegate
   * would bypass the check.
   */
  private static final class GuardedReader extends javax.xml.stream.util.StreamReaderDelegate {
    private final String file;

    GuardedReader(XMLStreamReader delegate, String file) {
      super(delegate);
      this.file = file;
    }

    @Override
    public int next() throws XMLStreamException {
      int event = super.next();
      if (event == XMLStreamConstants.DTD) {
        String dtd = getText();
        if (dtd != null && dtd.contains("<!ENTITY")) {
          throw new InputException(
              file,
              position(this),
              "the DOCTYPE declares an entity, which is rejected to prevent XML entity attacks;"
                  + " expected a report without entity declarations");
        }
      } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
        throw new InputException(
            file,
            position(this),
            "entity reference &" + getLocalName() + "; is rejected; expected plain text");
      }
      return event;
    }
  }
}
