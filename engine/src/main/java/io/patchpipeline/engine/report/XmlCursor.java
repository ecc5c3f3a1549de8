package io.patchpipeline.engine.report;

import io.patchpipeline.engine.core.InputException;
import io.patchpipeline.engine.core.SecureXml;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A forward-only walk over an XML report through {@link SecureXml}, tracking the element path so
 * that parsers can ask for the children of the element they are in. Every StAX error becomes an
 * {@link InputException} naming the file and the line and column.
 */
final class XmlCursor implements Closeable {
  private final String file;
  private final InputStream in;
  private final XMLStreamReader reader;
  private final Deque<String> path = new ArrayDeque<>();

  private XmlCursor(String file, InputStream in, XMLStreamReader reader) {
    this.file = file;
    this.in = in;
    this.reader = reader;
  }

  /** Opens {@code input} and moves to its root element, which must be one of {@code roots}. */
  static XmlCursor open(ReportInput input, String... roots) throws IOException {
    InputStream in = input.open();
    try {
      XmlCursor cursor = new XmlCursor(input.name(), in, SecureXml.open(in, input.name()));
      cursor.requireRoot(roots);
      return cursor;
    } catch (RuntimeException e) {
      in.close();
      throw e;
    }
  }

  private void requireRoot(String... roots) {
    if (!nextStart(0)) {
      throw error(
          "the document has no root element; expected <" + String.join("> or <", roots) + ">");
    }
    for (String root : roots) {
      if (root.equals(name())) {
        return;
      }
    }
    throw error(
        "found root element <" + name() + ">; expected <" + String.join("> or <", roots) + ">");
  }

  /** Returns the nesting depth of the current element: 1 for the root element. */
  int depth() {
    return path.size();
  }

  /** Returns the local name of the current element. */
  String name() {
    return path.isEmpty() ? "" : path.peek();
  }

  /** Returns the local name of the current element's parent, or an empty string at the root. */
  String parentName() {
    if (path.size() < 2) {
      return "";
    }
    var names = path.iterator();
    names.next();
    return names.next();
  }

  /** Returns an attribute of the current start element, or an empty string when it is absent. */
  String attribute(String localName) {
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      if (localName.equals(reader.getAttributeLocalName(i))) {
        return reader.getAttributeValue(i).trim();
      }
    }
    return "";
  }

  /**
   * Moves to the next start element below the element at {@code parentDepth}, at any depth, and
   * returns false once that element ends (or the document ends when {@code parentDepth} is 0).
   */
  boolean nextStart(int parentDepth) {
    while (true) {
      int event = step();
      if (event == XMLStreamConstants.START_ELEMENT) {
        return true;
      }
      if (event == XMLStreamConstants.END_ELEMENT && path.size() < parentDepth) {
        return false;
      }
      if (event == XMLStreamConstants.END_DOCUMENT) {
        return false;
      }
    }
  }

  /**
   * Moves to the next direct child of the element at {@code parentDepth}, skipping deeper elements,
   * and returns false once that element ends.
   */
  boolean nextChild(int parentDepth) {
    while (nextStart(parentDepth)) {
      if (path.size() == parentDepth + 1) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads the text of the current element up to its end tag, including text inside nested elements,
   * trimmed. The cursor is then after the element.
   */
  String text() {
    int depth = path.size();
    StringBuilder text = new StringBuilder();
    while (path.size() >= depth) {
      int event = step();
      if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
        text.append(reader.getText());
      } else if (event == XMLStreamConstants.END_DOCUMENT) {
        break;
      }
    }
    return text.toString().trim();
  }

  /**
   * Reads mixed content such as {@code <host>10.0.0.1<hostname>db</hostname></host>}: returns the
   * element's own text, trimmed, and puts the text of each direct child into {@code children}.
   */
  String ownText(Map<String, String> children) {
    int depth = path.size();
    StringBuilder text = new StringBuilder();
    while (path.size() >= depth) {
      int event = step();
      if (event == XMLStreamConstants.START_ELEMENT && path.size() == depth + 1) {
        children.put(name(), text());
      } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
        text.append(reader.getText());
      }
    }
    return text.toString().trim();
  }

  /** Returns an error at the current position saying what was expected there. */
  InputException error(String problem) {
    return new InputException(file, SecureXml.position(reader), problem);
  }

  private int step() {
    try {
      if (!reader.hasNext()) {
        throw error("the document ends early; expected the end tag of <" + name() + ">");
      }
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        path.push(reader.getLocalName());
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        path.pop();
      } else if (event == XMLStreamConstants.END_DOCUMENT && !path.isEmpty()) {
        throw error("the document ends early; expected the end tag of <" + name() + ">");
      }
      return event;
    } catch (XMLStreamException e) {
      throw new InputException(
          file,
          SecureXml.position(e),
          "invalid XML: " + SecureXml.problem(e) + "; expected a complete report",
          e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      reader.close();
    } catch (XMLStreamException e) {
      // The reader has nothing left to release once the stream below it is closed.
    } finally {
      in.close();
    }
  }
}
