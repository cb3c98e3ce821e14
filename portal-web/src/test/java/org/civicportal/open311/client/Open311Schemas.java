package org.civicportal.open311.client;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks that a GeoReport v2 response of OUR server is what the spec says, as a list of messages
 * (empty = valid). JSON bodies are validated against the spec's JSON Schemas ({@code
 * schema-georeport-v2-*.json}, draft-04, with {@code date-time} and {@code uri} formats asserted);
 * XML bodies are first converted to the equivalent JSON by the spec's rules (a container element
 * such as {@code <services>} becomes an array of its {@code <service>} objects, empty or {@code
 * xsi:nil} elements become null, {@code metadata}/{@code variable}/{@code required} booleans,
 * {@code order} and an error's {@code code} integers, {@code lat}/{@code long} numbers) and then
 * validated the same way. The error format, for which the spec has no schema file, is checked
 * against one written from the spec's text.
 *
 * <p>Stricter than the schemas where they are silent: a JSON body must not repeat a key, array
 * items must be objects, and an XML body must begin with its declaration naming UTF-8 and hold no
 * unexpected or repeated elements.
 *
 * <p>Kinds: {@code services}, {@code service}, {@code service-definition}, {@code requests}, {@code
 * request}, {@code errors}. The singular XML kinds take a one-item list document.
 */
public final class Open311Schemas {

  public static final Set<String> KINDS =
      Set.of("services", "service", "service-definition", "requests", "request", "errors");

  // Never fetched: the schemas are served from the folder by name; ".invalid" cannot resolve.
  private static final String BASE = "https://schemas.civicportal.invalid/open311/georeport-v2/";

  /** The spec's error format: "[{"code":400,"description":"..."}]", one entry or more. */
  private static final String ERRORS_SCHEMA =
      """
      {
        "type": "array",
        "minItems": 1,
        "items": {
          "type": "object",
          "required": ["code", "description"],
          "additionalProperties": false,
          "properties": {
            "code": {"type": "integer"},
            "description": {"type": "string", "minLength": 1}
          }
        }
      }
      """;

  private static final Map<String, String> XML_ROOTS =
      Map.of(
          "services", "services",
          "service", "services",
          "requests", "service_requests",
          "request", "service_requests",
          "service-definition", "service_definition",
          "errors", "errors");

  /** Container element -> its item element: these become JSON arrays. */
  private static final Map<String, String> CONTAINERS =
      Map.of(
          "services", "service",
          "service_requests", "request",
          "attributes", "attribute",
          "values", "value",
          "errors", "error");

  private enum LeafType {
    BOOLEAN,
    INTEGER,
    NUMBER
  }

  /** "parent/element" -> the JSON type the schemas demand; all other leaves are strings. */
  private static final Map<String, LeafType> LEAF_TYPES =
      Map.of(
          "service/metadata", LeafType.BOOLEAN,
          "attribute/variable", LeafType.BOOLEAN,
          "attribute/required", LeafType.BOOLEAN,
          "attribute/order", LeafType.INTEGER,
          "request/lat", LeafType.NUMBER,
          "request/long", LeafType.NUMBER,
          "error/code", LeafType.INTEGER);

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Path schemaDir;
  private final SchemaRegistry registry;
  private final JsonMapper mapper =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  /** Schemas read from {@code schemaDir} (the corpus's {@code open311-georeport-v2-spec}). */
  public Open311Schemas(Path schemaDir) {
    this.schemaDir = schemaDir;
    this.registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_4,
            builder ->
                builder
                    .schemas(this::schemaText)
                    .schemaRegistryConfig(
                        SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .locale(Locale.ENGLISH)
                            .build()));
  }

  /** Schemas from the shared corpus ({@link Open311Corpus#spec()}). */
  public static Open311Schemas fromCorpus() {
    return new Open311Schemas(Open311Corpus.spec());
  }

  /** What is wrong with a JSON body of {@code kind}; empty when nothing is. */
  public List<String> validateJson(String kind, String body) {
    Schema schema = schema(kind);
    JsonNode json;
    try {
      json = mapper.readTree(body);
    } catch (JacksonException e) {
      return List.of("not well-formed JSON (or a repeated key): " + e.getOriginalMessage());
    }
    List<String> problems = new ArrayList<>();
    if (json.isArray()) {
      for (int i = 0; i < json.size(); i++) {
        if (!json.get(i).isObject()) {
          problems.add("/" + i + ": must be an object, is " + json.get(i).getNodeType());
        }
      }
    }
    problems.addAll(validate(schema, json));
    return problems;
  }

  /** What is wrong with an XML body of {@code kind}, judged on its JSON equivalent. */
  public List<String> validateXml(String kind, String body) {
    Schema schema = schema(kind);
    Document document;
    try {
      document = SafeXml.parse(body);
    } catch (GeoReportFormatException e) {
      return List.of(e.getMessage());
    }
    List<String> problems = new ArrayList<>();
    if (!body.startsWith("<?xml") || !"UTF-8".equalsIgnoreCase(document.getXmlEncoding())) {
      problems.add("the body must begin with an XML declaration naming encoding UTF-8");
    }
    JsonNode json = toJson(kind, document, problems);
    if (json != null) {
      problems.addAll(validate(schema, json));
    }
    return problems;
  }

  /** The spec's error format, in XML when the body starts with '<', else in JSON. */
  public List<String> validateErrors(String body) {
    return SafeXml.stripLeading(body).startsWith("<")
        ? validateXml("errors", body)
        : validateJson("errors", body);
  }

  /** The JSON that {@link #validateXml} judges, for reading a failure; null if not convertible. */
  public String xmlToJson(String kind, String body) {
    JsonNode json = toJson(kind, SafeXml.parse(body), new ArrayList<>());
    return json == null ? null : json.toPrettyString();
  }

  private Schema schema(String kind) {
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException("unknown kind " + kind + ", expected one of " + KINDS);
    }
    return schemas.computeIfAbsent(
        kind, k -> registry.getSchema(SchemaLocation.of(BASE + k + ".json")));
  }

  private String schemaText(String iri) {
    if (!iri.startsWith(BASE)) {
      return null;
    }
    String name = iri.substring(BASE.length());
    if (name.equals("errors.json")) {
      return ERRORS_SCHEMA;
    }
    Path file = schemaDir.resolve("schema-georeport-v2-" + name);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("no schema " + file.toAbsolutePath());
    }
    return Open311Corpus.read(file);
  }

  private static List<String> validate(Schema schema, JsonNode json) {
    return schema.validate(json).stream()
        .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
        .toList();
  }

  private static JsonNode toJson(String kind, Document document, List<String> problems) {
    Element root = document.getDocumentElement();
    String expected = XML_ROOTS.get(kind);
    if (!name(root).equals(expected)) {
      problems.add("the root element is <" + name(root) + ">, expected <" + expected + ">");
      return null;
    }
    JsonNode json = convert(root, "", true, problems);
    if (kind.equals("service") || kind.equals("request")) {
      if (json.size() != 1) {
        problems.add("<" + expected + "> holds " + json.size() + " items, expected one");
        return null;
      }
      return json.get(0);
    }
    return json;
  }

  private static JsonNode convert(
      Element element, String parent, boolean object, List<String> problems) {
    String name = name(element);
    String item = CONTAINERS.get(name);
    if (item != null) {
      ArrayNode array = NODES.arrayNode();
      for (Element child : children(element)) {
        if (!name(child).equals(item)) {
          problems.add("<" + name + "> holds <" + name(child) + ">, expected <" + item + ">");
        }
        array.add(convert(child, name, true, problems));
      }
      return array;
    }
    List<Element> children = children(element);
    if (object || !children.isEmpty()) {
      ObjectNode obj = NODES.objectNode();
      for (Element child : children) {
        String key = name(child);
        if (obj.has(key)) {
          problems.add("<" + name + "> repeats <" + key + ">");
        } else {
          obj.set(key, convert(child, name, false, problems));
        }
      }
      return obj;
    }
    return leaf(element, parent + "/" + name);
  }

  private static JsonNode leaf(Element element, String path) {
    String text = element.getTextContent();
    boolean nil = "true".equals(element.getAttributeNS(SafeXml.XSI, "nil"));
    if (nil || text.isBlank()) {
      return NODES.nullNode();
    }
    LeafType type = LEAF_TYPES.get(path);
    String value = text.strip();
    // A value of the wrong type stays a string, so that the schema names the element.
    if (type == LeafType.BOOLEAN && (value.equals("true") || value.equals("false"))) {
      return NODES.booleanNode(Boolean.parseBoolean(value));
    }
    if (type == LeafType.INTEGER && value.matches("-?[0-9]{1,18}")) {
      return NODES.numberNode(Long.parseLong(value));
    }
    if (type == LeafType.NUMBER && value.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
      return NODES.numberNode(new BigDecimal(value));
    }
    return NODES.stringNode(text);
  }

  private static List<Element> children(Element element) {
    List<Element> children = new ArrayList<>();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        children.add(childElement);
      }
    }
    return children;
  }

  private static String name(Element element) {
    return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
  }
}
