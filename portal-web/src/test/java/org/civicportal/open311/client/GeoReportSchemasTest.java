package org.civicportal.open311.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link Open311Schemas} accepts real responses that follow the spec, names exactly what the others
 * violate, and fails documents broken on purpose.
 */
class GeoReportSchemasTest {

  private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
  private static final String DATE_TIME =
      "does not match the date-time pattern must be a valid RFC 3339 date-time";

  private final Open311Schemas schemas = Open311Schemas.fromCorpus();

  private static Path cityData() {
    Path dir = Open311Corpus.cityData();
    Assumptions.assumeTrue(Files.isDirectory(dir), "no Open311 city data at " + dir);
    Assumptions.assumeTrue(Files.isDirectory(Open311Corpus.spec()), "no GeoReport schemas");
    return dir;
  }

  private static String read(String name) {
    return Open311Corpus.read(cityData().resolve(name));
  }

  @Test
  void washingtonDcServicesAndServiceDefinitionFollowTheSpec() {
    assertThat(schemas.validateXml("services", read("dc_washington_services.xml"))).isEmpty();
    assertThat(
            schemas.validateXml(
                "service-definition", read("dc_washington_service_definition_S0301.xml")))
        .isEmpty();
  }

  @Test
  void torontoRequestsAndBostonErrorsFollowTheSpec() {
    assertThat(schemas.validateXml("requests", read("open311status_requests_many.xml"))).isEmpty();
    assertThat(schemas.validateXml("request", read("open311status_requests_single.xml"))).isEmpty();
    assertThat(schemas.validateErrors(read("boston_post_request_error_response.xml"))).isEmpty();
  }

  @Test
  void sanFranciscoServicesFailOnlyForTheBlankLineBeforeTheDeclaration() {
    String body = read("san_francisco_services_2010.xml");

    assertThat(schemas.validateXml("services", body))
        .singleElement()
        .asString()
        .startsWith("not well-formed XML at line 2");
    assertThat(schemas.validateXml("services", SafeXml.stripLeading(body))).isEmpty();
  }

  @Test
  void sanFranciscoRequestHasCapitalisedStatusAndDatetimesWithoutOffset() {
    String body = read("san_francisco_service_request_2010.xml");

    List<String> problems = schemas.validateXml("request", body);

    // anyOf [date-time string, null]: the validator names both branches it tried
    assertThat(problems)
        .containsExactlyInAnyOrder(
            "/status: does not have a value in the enumeration [\"open\", \"closed\"]",
            "/requested_datetime: " + DATE_TIME,
            "/expected_datetime: " + DATE_TIME,
            "/expected_datetime: string found, null expected");
  }

  @Test
  void specExampleRequestsHaveAMediaUrlEndingInASpace() {
    List<String> problems =
        schemas.validateXml("requests", read("nodeopen311_service_requests.xml"));

    assertThat(problems)
        .containsExactly(
            "/0/media_url: does not match the uri pattern must be a valid RFC 3986 URI",
            "/0/media_url: string found, null expected",
            "/1/media_url: does not match the uri pattern must be a valid RFC 3986 URI",
            "/1/media_url: string found, null expected");
  }

  @Test
  void sanFranciscoJsonSlicesRepeatKeysAndUseNumbersForCodes() {
    String body = read("san_francisco_ServiceRequests_By_Zip_Slice.json");
    // What the records would violate if the repeated keys were forgiven (the last value wins).
    String requests = JsonMapper.builder().build().readTree(body).get("requests").toString();

    List<String> asSent = schemas.validateJson("requests", body);
    Map<String, Long> perRecord =
        schemas.validateJson("requests", requests).stream()
            .map(p -> p.replaceFirst("^/[0-9]+", ""))
            .collect(
                Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));

    assertThat(asSent)
        .singleElement()
        .asString()
        .contains("Duplicate Object property \"updated_datetime\"");
    assertThat(perRecord)
        .containsEntry("/service_code: integer found, string expected", 73L)
        .containsEntry("/service_request_id: integer found, string expected", 73L)
        .containsEntry("/zipcode: integer found, string expected", 73L)
        .containsEntry(
            "/status: does not have a value in the enumeration [\"open\", \"closed\"]", 73L)
        .containsEntry("/requested_datetime: " + DATE_TIME, 73L)
        .containsEntry("/updated_datetime: " + DATE_TIME, 73L);
  }

  @Test
  void documentsBrokenOnPurposeFail() {
    cityData();
    String service = "{\"service_name\":\"Potholes\",\"metadata\":true,\"type\":\"realtime\"}";
    String request =
        "{\"service_request_id\":\"1\",\"status\":\"open\",\"service_code\":\"001\","
            + "\"requested_datetime\":\"2010-01-01T00:00:00Z\",\"lat\":{\"deg\":37}}";

    assertThat(schemas.validateJson("services", "[" + service + "]"))
        .containsExactly("/0: required property 'service_code' not found");
    assertThat(schemas.validateJson("services", "{\"services\":[]}"))
        .containsExactly(": object found, array expected");
    assertThat(schemas.validateJson("services", "[null]"))
        .contains("/0: must be an object, is NULL");
    assertThat(schemas.validateJson("request", request))
        .containsExactly(
            "/lat: object found, number expected", "/lat: object found, null expected");
    assertThat(
            schemas.validateJson(
                "requests",
                "[" + request.replace("{\"deg\":37}", "37.7").replace("\"1\"", "1") + "]"))
        .containsExactly("/0/service_request_id: integer found, string expected");
  }

  @Test
  void xmlBrokenOnPurposeFails() {
    cityData();
    String service =
        "<service><service_code>001</service_code><service_name>Potholes</service_name>"
            + "<metadata>%s</metadata><type>%s</type></service>";
    String request =
        "<service_requests><request><service_request_id>1</service_request_id>"
            + "<status>open</status><service_code>001</service_code>"
            + "<requested_datetime>2010-01-01T00:00:00Z</requested_datetime>"
            + "<lat>%s</lat><long>-122.4</long></request></service_requests>";

    assertThat(
            schemas.validateXml(
                "services",
                XML + "<services>" + service.formatted("true", "realtime") + "</services>"))
        .isEmpty();
    assertThat(
            schemas.validateXml(
                "services",
                XML + "<services>" + service.formatted("yes", "sometimes") + "</services>"))
        .containsExactlyInAnyOrder(
            "/0/metadata: string found, boolean expected",
            "/0/type: does not have a value in the enumeration [\"realtime\", \"batch\", \"blackbox\"]");
    assertThat(
            schemas.validateXml(
                "services",
                XML
                    + "<services><service><service_name>x</service_name><metadata>true</metadata>"
                    + "<type>batch</type></service></services>"))
        .containsExactly("/0: required property 'service_code' not found");
    assertThat(schemas.validateXml("requests", XML + request.formatted("37.7"))).isEmpty();
    assertThat(schemas.validateXml("requests", XML + request.formatted("north")))
        .containsExactly(
            "/0/lat: string found, number expected", "/0/lat: string found, null expected");
    assertThat(schemas.validateXml("requests", request.formatted("37.7")))
        .containsExactly("the body must begin with an XML declaration naming encoding UTF-8");
    assertThat(schemas.validateXml("requests", XML + "<services/>"))
        .containsExactly("the root element is <services>, expected <service_requests>");
    assertThat(
            schemas.validateXml(
                "service-definition",
                XML
                    + "<service_definition><service_code>S1</service_code><attributes><attribute>"
                    + "<variable>true</variable><code>A</code><code>B</code><datatype>list</datatype>"
                    + "<required>false</required><order>first</order></attribute></attributes>"
                    + "</service_definition>"))
        .contains(
            "<attribute> repeats <code>", "/attributes/0/order: string found, integer expected");
  }

  @Test
  void errorFormatOfTheSpec() {
    String xml =
        XML
            + "<errors><error><code>403</code><description>Invalid api_key received -- can't"
            + " proceed with create_request.</description></error></errors>";

    assertThat(schemas.validateErrors("[{\"code\":403,\"description\":\"Invalid api_key\"}]"))
        .isEmpty();
    assertThat(schemas.validateErrors(xml)).isEmpty();
    assertThat(schemas.validateErrors("[{\"code\":\"403\",\"description\":\"x\"}]"))
        .containsExactly("/0/code: string found, integer expected");
    assertThat(schemas.validateErrors("[{\"code\":400}]"))
        .containsExactly("/0: required property 'description' not found");
    assertThat(schemas.validateErrors("[]")).isNotEmpty();
    assertThat(schemas.validateErrors(XML + "<errors><error><code>400</code></error></errors>"))
        .containsExactly("/0: required property 'description' not found");
    assertThat(schemas.validateErrors(XML + "<errors><oops/></errors>"))
        .contains("<errors> holds <oops>, expected <error>");
  }
}
