package org.civicportal.open311.client;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The JDK's DOM parser with every door to the outside shut: a DOCTYPE is refused outright
 * (GeoReport documents never carry one), so no entity is expanded and no DTD, schema or XInclude is
 * fetched.
 */
final class SafeXml {

  /** The namespace of {@code xsi:nil="true"}, which San Francisco put on empty datetimes. */
  static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  private SafeXml() {}

  /**
   * Parses {@code body} after dropping a byte-order mark and whitespace before the XML declaration
   * (San Francisco's server sent a blank line there, which a strict parser rejects).
   *
   * @throws GeoReportFormatException with the line and column when the body is not well-formed
   */
  static Document parseLenient(String body) {
    return parse(stripLeading(body));
  }

  /** Parses {@code body} exactly as it is. */
  static Document parse(String body) {
    try {
      DocumentBuilder builder = factory().newDocumentBuilder();
      builder.setErrorHandler(FAIL_ON_ERROR);
      builder.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("external entity refused: " + systemId);
          });
      return builder.parse(new InputSource(new StringReader(body)));
    } catch (SAXParseException e) {
      throw new GeoReportFormatException(
          "not well-formed XML at line "
              + e.getLineNumber()
              + ", column "
              + e.getColumnNumber()
              + ": "
              + e.getMessage(),
          e);
    } catch (SAXException | IOException e) {
      throw new GeoReportFormatException("unreadable XML: " + e.getMessage(), e);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser refused a security feature", e);
    }
  }

  static String stripLeading(String body) {
    int start = 0;
    while (start < body.length()
        && (body.charAt(start) == '\uFEFF' || Character.isWhitespace(body.charAt(start)))) {
      start++;
    }
    return body.substring(start);
  }

  private static DocumentBuilderFactory factory() throws ParserConfigurationException {
    // newDefaultInstance: the JDK's own parser, whatever else the test class path carries.
    DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    return factory;
  }

  private static final ErrorHandler FAIL_ON_ERROR =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
          // warnings (none expected without a DTD) do not make a document unreadable
        }

        @Override
        public void error(SAXParseException e) throws SAXParseException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
          throw e;
        }
      };
}
