package org.civicportal.request.open311;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes GeoReport v2 documents in either format from one tree: a list of elements, each a map of
 * fields to strings, numbers, booleans, nulls or nested lists. JSON goes through JSON-P and XML
 * through StAX, so every value is escaped by the writer, never by hand. Following the spec's
 * conversion rules, a JSON array is an XML root element ({@code services}) holding one element per
 * item ({@code service}); a null is an empty XML element.
 */
final class GeoReportWriter {
  static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX", Locale.ROOT).withZone(ZoneOffset.UTC);

  private GeoReportWriter() {}

  /** An ordered map of fields, for building documents. */
  static Map<String, Object> fields() {
    return new LinkedHashMap<>();
  }

  static String dateTime(Instant instant) {
    return instant == null ? null : DATE_TIME.format(instant);
  }

  /** A nested list, written as {@code <name><item>..</item></name>} in XML. */
  record Nested(String item, List<Map<String, Object>> items) {}

  static String json(List<Map<String, Object>> items) {
    return array(items).build().toString();
  }

  /** A single object at the top level (discovery, service definition). */
  static String json(Map<String, Object> object) {
    return object(object).build().toString();
  }

  private static JsonArrayBuilder array(List<Map<String, Object>> items) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    items.forEach(item -> array.add(object(item)));
    return array;
  }

  private static JsonObjectBuilder object(Map<String, Object> fields) {
    JsonObjectBuilder object = Json.createObjectBuilder();
    fields.forEach(
        (name, value) -> {
          if (value == null) {
            object.addNull(name);
          } else if (value instanceof String s) {
            object.add(name, s);
          } else if (value instanceof Boolean b) {
            object.add(name, b);
          } else if (value instanceof Integer i) {
            object.add(name, i);
          } else if (value instanceof Long l) {
            object.add(name, l);
          } else if (value instanceof Double d) {
            object.add(name, d);
          } else if (value instanceof Nested n) {
            object.add(name, array(n.items()));
          } else if (value instanceof List<?> list) {
            JsonArrayBuilder strings = Json.createArrayBuilder();
            list.forEach(v -> strings.add(String.valueOf(v)));
            object.add(name, strings);
          } else {
            throw new IllegalArgumentException("Cannot write " + value.getClass());
          }
        });
    return object;
  }

  static String xml(String root, String item, List<Map<String, Object>> items) {
    return write(
        w -> {
          w.writeStartElement(root);
          for (Map<String, Object> fields : items) {
            element(w, item, fields);
          }
          w.writeEndElement();
        });
  }

  static String xml(String root, Map<String, Object> object) {
    return write(w -> element(w, root, object));
  }

  private interface XmlBody {
    void write(XMLStreamWriter w) throws XMLStreamException;
  }

  private static String write(XmlBody body) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      body.write(w);
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  private static void element(XMLStreamWriter w, String name, Map<String, Object> fields)
      throws XMLStreamException {
    w.writeStartElement(name);
    for (Map.Entry<String, Object> field : fields.entrySet()) {
      Object value = field.getValue();
      if (value instanceof Nested n) {
        w.writeStartElement(field.getKey());
        for (Map<String, Object> item : n.items()) {
          element(w, n.item(), item);
        }
        w.writeEndElement();
      } else if (value instanceof List<?> list) {
        w.writeStartElement(field.getKey());
        for (Object v : list) {
          w.writeStartElement("value");
          w.writeCharacters(xmlSafe(String.valueOf(v)));
          w.writeEndElement();
        }
        w.writeEndElement();
      } else if (value == null) {
        w.writeEmptyElement(field.getKey());
      } else {
        w.writeStartElement(field.getKey());
        w.writeCharacters(xmlSafe(String.valueOf(value)));
        w.writeEndElement();
      }
    }
    w.writeEndElement();
  }

  /** XML 1.0 cannot hold most control characters even escaped; they are dropped. */
  static String xmlSafe(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .filter(
            c ->
                c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || (c >= 0x10000 && c <= 0x10FFFF))
        .forEach(out::appendCodePoint);
    return out.toString();
  }
}
