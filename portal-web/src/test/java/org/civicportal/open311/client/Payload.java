package org.civicportal.open311.client;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A GeoReport body read into one shape for both formats, so that the records are built the same way
 * from XML and JSON. An object keeps every value of a repeated key (real JSON repeats keys; an XML
 * element repeats its children), keys are trimmed ({@code "expected_datetime "} occurs), and
 * scalars are text: JSON numbers keep their literal ({@code 71}, {@code -122.4134}), JSON null and
 * an empty or {@code xsi:nil} element become the empty string. XML attributes are ignored, as the
 * spec's JSON/XML conversion (Parker/Spark) does.
 */
final class Payload {

  /** One node of the tree. */
  sealed interface Tree permits Obj, Arr, Text {}

  /** A scalar: a JSON string, number or boolean, or the text of an XML leaf element. */
  record Text(String value) implements Tree {}

  /** A JSON array. XML has none: its repeated elements are repeated keys of an {@link Obj}. */
  record Arr(List<Tree> items) implements Tree {}

  /** A JSON object or an XML element with child elements. */
  static final class Obj implements Tree {
    private final Map<String, List<Tree>> fields = new LinkedHashMap<>();

    void add(String key, Tree value) {
      fields.computeIfAbsent(key.strip(), k -> new ArrayList<>()).add(value);
    }

    List<Tree> all(String key) {
      return fields.getOrDefault(key, List.of());
    }

    boolean has(String key) {
      return fields.containsKey(key);
    }

    /**
     * Every meaningful text under {@code keys} (aliases, in order; duplicates in document order).
     * Blank values and the string {@code "null"} are not meaningful.
     */
    List<String> texts(String... keys) {
      List<String> texts = new ArrayList<>();
      for (String key : keys) {
        for (Tree value : all(key)) {
          if (value instanceof Text text && meaningful(text.value())) {
            texts.add(text.value().strip());
          }
        }
      }
      return texts;
    }

    /** The first meaningful text under {@code keys}, or the empty string. */
    String text(String... keys) {
      List<String> texts = texts(keys);
      return texts.isEmpty() ? "" : texts.get(0);
    }

    Optional<Obj> obj(String key) {
      return all(key).stream().filter(Obj.class::isInstance).map(Obj.class::cast).findFirst();
    }

    @Override
    public String toString() {
      return fields.toString();
    }
  }

  private Payload() {}

  static boolean meaningful(String value) {
    String v = value.strip();
    return !v.isEmpty() && !v.toLowerCase(Locale.ROOT).equals("null");
  }

  static Tree parse(String body, Format format) {
    return format == Format.XML ? parseXml(body) : parseJson(body);
  }

  /** The XML document as an object with one key, the root element's name. */
  static Tree parseXml(String body) {
    Document document = SafeXml.parseLenient(body);
    Element root = document.getDocumentElement();
    Obj top = new Obj();
    top.add(name(root), fromElement(root));
    return top;
  }

  static Tree parseJson(String body) {
    // Streaming, because a tree reader would keep only one value of a repeated key.
    try (JsonParser parser = Json.createParser(new StringReader(SafeXml.stripLeading(body)))) {
      if (!parser.hasNext()) {
        throw new GeoReportFormatException("empty JSON body");
      }
      Tree tree = fromJson(parser, parser.next());
      if (parser.hasNext()) {
        throw new GeoReportFormatException("text after the JSON value: " + parser.getLocation());
      }
      return tree;
    } catch (JsonParsingException e) {
      throw new GeoReportFormatException(
          "not well-formed JSON at " + e.getLocation() + ": " + e.getMessage(), e);
    } catch (jakarta.json.JsonException e) {
      throw new GeoReportFormatException("unreadable JSON: " + e.getMessage(), e);
    }
  }

  /**
   * The records in {@code tree}, whatever the wrapping: a JSON array of objects (the spec), an XML
   * root holding repeated {@code item} elements, an object holding one of the {@code wrappers} (the
   * XML root, or {@code {"requests":[...]}} as the San Francisco slices have it), or one bare
   * object that carries {@code identifyingKey}.
   */
  static List<Obj> records(Tree tree, Set<String> wrappers, String item, String identifyingKey) {
    List<Obj> records = new ArrayList<>();
    collect(tree, wrappers, item, identifyingKey, records);
    return records;
  }

  /** The records under {@code parent}'s {@code wrapper} key: {@code attributes}, {@code values}. */
  static List<Obj> recordsUnder(Obj parent, String wrapper, String item, String identifyingKey) {
    List<Obj> records = new ArrayList<>();
    for (Tree inner : parent.all(wrapper)) {
      collect(inner, Set.of(wrapper), item, identifyingKey, records);
    }
    return records;
  }

  /**
   * The content under the document's root when it is one of {@code expected}: the XML root element
   * must be, a JSON object with that single key (or the spec's bare JSON array) may be.
   *
   * @throws GeoReportFormatException for another XML root, or an error document
   */
  static Tree root(Tree tree, Format format, Set<String> expected) {
    if (tree instanceof Obj obj && obj.fields.size() == 1) {
      String name = obj.fields.keySet().iterator().next();
      if (expected.contains(name)) {
        return obj.all(name).get(0);
      }
      if (name.equals("errors") || format == Format.XML) {
        throw new GeoReportFormatException(
            "expected " + expected + " but the document is " + name + ": " + abbreviate(tree));
      }
    }
    return tree;
  }

  static String abbreviate(Tree tree) {
    String text = tree.toString();
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }

  private static void collect(
      Tree tree, Set<String> wrappers, String item, String identifyingKey, List<Obj> out) {
    if (tree instanceof Arr arr) {
      for (Tree element : arr.items()) {
        if (element instanceof Obj obj) {
          out.add(obj);
        }
      }
    } else if (tree instanceof Obj obj) {
      if (obj.has(item)) {
        obj.all(item).stream().filter(Obj.class::isInstance).map(Obj.class::cast).forEach(out::add);
      } else if (obj.has(identifyingKey)) {
        out.add(obj);
      } else {
        for (String wrapper : wrappers) {
          for (Tree inner : obj.all(wrapper)) {
            collect(inner, wrappers, item, identifyingKey, out);
          }
        }
      }
    }
    // Text: an empty container such as <values/> holds no record.
  }

  private static Tree fromElement(Element element) {
    if ("true".equals(element.getAttributeNS(SafeXml.XSI, "nil").strip())) {
      return new Text("");
    }
    Obj obj = null;
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        if (obj == null) {
          obj = new Obj();
        }
        obj.add(name(childElement), fromElement(childElement));
      }
    }
    return obj != null ? obj : new Text(element.getTextContent());
  }

  private static String name(Element element) {
    return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
  }

  private static Tree fromJson(JsonParser parser, JsonParser.Event event) {
    return switch (event) {
      case START_OBJECT -> objectFromJson(parser);
      case START_ARRAY -> arrayFromJson(parser);
      case VALUE_STRING, VALUE_NUMBER -> new Text(parser.getString());
      case VALUE_TRUE -> new Text("true");
      case VALUE_FALSE -> new Text("false");
      case VALUE_NULL -> new Text("");
      default ->
          throw new GeoReportFormatException(
              "unexpected JSON " + event + " at " + parser.getLocation());
    };
  }

  private static Obj objectFromJson(JsonParser parser) {
    Obj obj = new Obj();
    while (parser.next() == JsonParser.Event.KEY_NAME) {
      String key = parser.getString();
      obj.add(key, fromJson(parser, parser.next()));
    }
    return obj;
  }

  private static Arr arrayFromJson(JsonParser parser) {
    List<Tree> items = new ArrayList<>();
    for (JsonParser.Event e = parser.next(); e != JsonParser.Event.END_ARRAY; e = parser.next()) {
      items.add(fromJson(parser, e));
    }
    return new Arr(items);
  }
}
