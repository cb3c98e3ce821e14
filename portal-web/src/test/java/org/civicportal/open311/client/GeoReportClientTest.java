package org.civicportal.open311.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tolerant parsers on every GeoReport payload that real city servers sent (the shared corpus's
 * {@code open311-real-city-data}, skipped when absent), with counts checked against the files.
 */
class GeoReportClientTest {

  private static final ZoneId SAN_FRANCISCO = ZoneId.of("America/Los_Angeles");

  /** Lists of cities and endpoints, not GeoReport responses. */
  private static final Set<String> REGISTRIES =
      Set.of(
          "nodeopen311_cities_endpoints.json",
          "open311status_cities_endpoints.json",
          "georeportv2_endpoints_cities.json");

  /** Stored as sent, cut off inside a {@code <request>}: must fail, never half-parse. */
  private static final String MALFORMED = "san_francisco_service_requests_2010.xml";

  private Path dir;

  @BeforeEach
  void corpus() {
    dir = Open311Corpus.cityData();
    Assumptions.assumeTrue(
        Files.isDirectory(dir), "no Open311 city data at " + dir.toAbsolutePath());
  }

  private String read(String name) {
    return Open311Corpus.read(dir.resolve(name));
  }

  @Test
  void washingtonDcListsEightySixServicesWithGroupsAndKeywords() {
    String body = read("dc_washington_services.xml");

    List<Service> services = GeoReportClient.parseServices(body, Format.XML);

    assertThat(services).hasSize(86);
    assertThat(services).allMatch(s -> s.metadata() && s.type().equals("realtime"));
    assertThat(services.stream().map(Service::group).distinct()).hasSize(38);
    Service first = services.get(0);
    assertThat(first.code()).isEqualTo("CSRREPIS");
    assertThat(first.name()).isEqualTo("311 Online Reported Issues");
    assertThat(first.group()).isEqualTo("311 - Call Center");
    assertThat(first.keywordList()).containsExactly("311", "Online", "Reported", "Issues");
    // the escaped markup in the file (&lt;br&gt;) is text once parsed
    assertThat(services.get(1).description()).contains("<br><br>");
  }

  @Test
  void sanFranciscoServicesParseDespiteTheBlankLineBeforeTheXmlDeclaration() {
    String body = read("san_francisco_services_2010.xml");

    List<Service> services = GeoReportClient.parseServices(body, Format.XML);

    assertThat(body).startsWith("\n<?xml");
    assertThat(services).hasSize(36);
    assertThat(services).noneMatch(Service::metadata);
    assertThat(services.stream().map(Service::group).distinct()).hasSize(13);
    assertThat(services.get(0))
        .extracting(Service::code, Service::name, Service::group, Service::keywords)
        .containsExactly("001", "Cans_Left_Out_24x7", "Litter Receptacles", "");
    assertThat(services.get(0).description()).endsWith("Violators will be cited.");
    assertThat(services.get(35).code()).isEqualTo("379");
  }

  @Test
  void washingtonDcServiceDefinitionHasSixAttributesAndThirteenValues() {
    String body = read("dc_washington_service_definition_S0301.xml");

    ServiceDefinition definition = GeoReportClient.parseServiceDefinition(body, Format.XML);

    assertThat(definition.code()).isEqualTo("S0301");
    assertThat(definition.attributes()).hasSize(6);
    assertThat(definition.attributes().stream().mapToInt(a -> a.values().size()).sum())
        .isEqualTo(13);
    ServiceDefinition.Attribute where = definition.inDisplayOrder().get(0);
    assertThat(where.code()).isEqualTo("WHISPOLO");
    assertThat(where.required()).isTrue();
    assertThat(where.variable()).isTrue();
    assertThat(where.datatype()).isEqualTo("singlevaluelist");
    assertThat(where.order()).hasValue(1);
    assertThat(where.values())
        .containsExactly(
            new ServiceDefinition.Value("ALLEY002", "Alley"),
            new ServiceDefinition.Value("STREE001", "Street"));
    ServiceDefinition.Attribute note = definition.attributes().get(0);
    assertThat(note.variable()).isFalse();
    assertThat(note.datatype()).isEqualTo("text");
    assertThat(note.values()).isEmpty();
  }

  @Test
  void sanFranciscoRequestReadsLocalTimesAndNilElements() {
    String body = read("san_francisco_service_request_2010.xml");

    List<ServiceRequest> requests = GeoReportClient.parseRequests(body, Format.XML, SAN_FRANCISCO);

    assertThat(requests).hasSize(1);
    ServiceRequest request = requests.get(0);
    assertThat(request.id()).isEqualTo("773485");
    assertThat(request.status()).isEqualTo("Open");
    assertThat(request.isOpen()).isTrue();
    assertThat(request.serviceCode()).isEqualTo("024");
    assertThat(request.serviceName()).isEqualTo("Sidewalk_Cleaning");
    assertThat(request.requestedDatetime())
        .contains(OffsetDateTime.of(2010, 11, 17, 1, 0, 56, 743_000_000, ZoneOffset.ofHours(-8)));
    assertThat(request.updatedDatetime()).isEmpty();
    assertThat(request.expectedDatetime())
        .contains(OffsetDateTime.of(2010, 11, 20, 1, 0, 56, 0, ZoneOffset.ofHours(-8)));
    assertThat(request.address()).isEqualTo("220  FLORIDA ST SAN FRANCISCO , CA");
    assertThat(request.addressId()).isEmpty();
    assertThat(request.zipcode()).isEqualTo("94103");
    assertThat(request.lat()).hasValue(37.766983);
    assertThat(request.lon()).hasValue(-122.41206);
  }

  @Test
  void truncatedSanFranciscoRequestListIsRejectedWithItsPosition() {
    String body = read(MALFORMED);

    assertThatThrownBy(() -> GeoReportClient.parseRequests(body, Format.XML))
        .isInstanceOf(GeoReportFormatException.class)
        .hasMessageContaining("not well-formed XML at line 2")
        .hasMessageContaining("request");
  }

  @Test
  void torontoRequestsHaveOffsetsAndEmptyElements() {
    List<ServiceRequest> many =
        GeoReportClient.parseRequests(read("open311status_requests_many.xml"), Format.XML);
    List<ServiceRequest> single =
        GeoReportClient.parseRequests(read("open311status_requests_single.xml"), Format.XML);

    assertThat(many).hasSize(2);
    assertThat(single).containsExactly(many.get(0));
    ServiceRequest pothole = many.get(0);
    assertThat(pothole.id()).isEqualTo("101005420892");
    assertThat(pothole.serviceCode()).isEqualTo("CSROWR-12");
    assertThat(pothole.agencyResponsible()).isEqualTo("311 Toronto");
    assertThat(pothole.description()).isEmpty();
    assertThat(pothole.updatedDatetime()).isEmpty();
    assertThat(pothole.expectedDatetime())
        .contains(OffsetDateTime.of(2018, 8, 3, 0, 1, 0, 0, ZoneOffset.ofHours(-4)));
    assertThat(pothole.lat()).hasValue(43.691104288);
    assertThat(pothole.lon()).hasValue(-79.272306875);
    assertThat(many.get(1).address()).isEqualTo("Parkette Pl / Danforth Ave, Scarborough");
  }

  @Test
  void specExampleRequestsFromNodeOpen311() {
    List<ServiceRequest> many =
        GeoReportClient.parseRequests(read("nodeopen311_service_requests.xml"), Format.XML);
    List<ServiceRequest> one =
        GeoReportClient.parseRequests(read("nodeopen311_service_request.xml"), Format.XML);

    assertThat(many).extracting(ServiceRequest::id).containsExactly("638344", "638349");
    assertThat(many).extracting(ServiceRequest::status).containsExactly("closed", "open");
    assertThat(one).containsExactly(many.get(0));
    ServiceRequest closed = many.get(0);
    assertThat(closed.statusNotes()).isEqualTo("Duplicate request.");
    assertThat(closed.serviceCode()).isEqualTo("006");
    assertThat(closed.mediaUrl())
        .isEqualTo("http://city.gov.s3.amazonaws.com/requests/media/638344.jpg");
    assertThat(closed.requestedDatetime().map(OffsetDateTime::toInstant))
        .contains(OffsetDateTime.parse("2010-04-14T14:37:38Z").toInstant());
  }

  @Test
  void sanFranciscoOpenRequestsSliceWithDuplicateKeysAndNullStrings() {
    List<ServiceRequest> requests =
        GeoReportClient.parseRequests(
            read("san_francisco_OpenServiceRequests_Slice.json"), Format.JSON, SAN_FRANCISCO);

    assertThat(requests).hasSize(673);
    assertThat(requests).allMatch(ServiceRequest::isOpen);
    assertThat(requests).allMatch(r -> r.requestedDatetime().isPresent());
    // "updated_datetime": "null" then "true" in every record: never a date
    assertThat(requests).allMatch(r -> r.updatedDatetime().isEmpty());
    assertThat(requests).filteredOn(r -> r.expectedDatetime().isPresent()).hasSize(459);
    assertThat(requests).filteredOn(r -> r.zipcode().isEmpty()).hasSize(238);
    assertThat(requests.stream().map(ServiceRequest::serviceCode).distinct()).hasSize(74);
    ServiceRequest first = requests.get(0);
    assertThat(first.id()).isEqualTo("771970");
    assertThat(first.serviceCode()).isEqualTo("71");
    assertThat(first.zipcode()).isEqualTo("94103");
    assertThat(first.lon()).hasValue(-122.4134);
    assertThat(first.expectedDatetime())
        .contains(OffsetDateTime.of(2010, 11, 22, 1, 5, 25, 0, ZoneOffset.ofHours(-8)));
  }

  @Test
  void sanFranciscoSingleServiceTypeSlice() {
    List<ServiceRequest> requests =
        GeoReportClient.parseRequests(
            read("san_francisco_SingleServiceType_Slice.json"), Format.JSON, SAN_FRANCISCO);

    assertThat(requests).hasSize(377);
    assertThat(requests).extracting(ServiceRequest::serviceCode).containsOnly("24");
    assertThat(requests).filteredOn(ServiceRequest::isOpen).hasSize(196);
    assertThat(requests).filteredOn(r -> r.status().equals("Closed")).hasSize(181);
    assertThat(requests).filteredOn(r -> r.updatedDatetime().isPresent()).hasSize(181);
    assertThat(requests).filteredOn(r -> r.expectedDatetime().isPresent()).hasSize(369);
  }

  @Test
  void sanFranciscoByZipSliceReadsItsUnderscoredAddressKey() {
    List<ServiceRequest> requests =
        GeoReportClient.parseRequests(
            read("san_francisco_ServiceRequests_By_Zip_Slice.json"), Format.JSON);

    assertThat(requests).hasSize(73);
    assertThat(requests).filteredOn(ServiceRequest::isOpen).hasSize(52);
    assertThat(requests).noneMatch(r -> r.address().isEmpty() || r.zipcode().isEmpty());
    assertThat(requests.stream().map(ServiceRequest::serviceCode).distinct()).hasSize(17);
    assertThat(requests.get(0).address()).isEqualTo("765  SAN JOSE AVE SAN FRANCISCO , CA");
    assertThat(requests.get(0).requestedDatetime().map(OffsetDateTime::toLocalDateTime))
        .contains(LocalDateTime.of(2010, 11, 14, 16, 18, 54, 980_000_000));
  }

  @Test
  void tokensAndPostResponses() {
    List<PostResult> token = GeoReportClient.parseTokens(read("nodeopen311_token.xml"), Format.XML);
    List<PostResult> boston =
        GeoReportClient.parsePostResponse(
            read("boston_post_request_token_response.xml"), Format.XML);

    assertThat(token).containsExactly(new PostResult("638344", "12345", "", ""));
    assertThat(boston).containsExactly(new PostResult("", "503fc045901932078800163c", "", ""));
  }

  @Test
  void bostonErrorResponse() {
    String body = read("boston_post_request_error_response.xml");

    List<Error> errors = GeoReportClient.parseErrors(body, Format.XML);

    assertThat(errors)
        .containsExactly(new Error("400", "Invalid service request: base is a duplicate."));
    assertThatThrownBy(() -> GeoReportClient.parsePostResponse(body, Format.XML))
        .isInstanceOf(GeoReportFormatException.class)
        .hasMessageContaining("errors");
  }

  @Test
  void discoveryDocumentsInBothFormats() {
    Discovery dc = GeoReportClient.parseDiscovery(read("dc_washington_discovery.xml"), Format.XML);
    Discovery boston = GeoReportClient.parseDiscovery(read("boston_discovery.json"), Format.JSON);

    assertThat(dc.changeset()).isEqualTo("2012-03-08T16:00:00-05:00");
    assertThat(dc.keyService()).isEqualTo("You can request a key here: http://octo.dc.gov/");
    assertThat(dc.endpoints())
        .extracting(Discovery.Endpoint::url)
        .containsExactly(
            "http://app.311.dc.gov/cwi/Open311/v2", "http://app.311.dc.gov/cwi/Open311");
    assertThat(dc.endpoints().get(0).formats()).containsExactly("text/xml");
    assertThat(boston.changeset()).isEqualTo("2011-09-1 17:35");
    assertThat(boston.endpoints())
        .extracting(Discovery.Endpoint::type)
        .containsExactly("production", "test");
    assertThat(boston.endpoints().get(0).formats()).containsExactly("text/xml", "application/json");
    assertThat(boston.endpoints().get(1).url())
        .isEqualTo("https://mayors24.cityofboston.gov:6443/open311/v2");
  }

  /** Every response file in the folder, new ones too, is read by the parser its root calls for. */
  @Test
  void everyPayloadInTheFolderParsesExceptTheTruncatedOne() throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files =
          listing
              .filter(p -> p.toString().endsWith(".xml") || p.toString().endsWith(".json"))
              .filter(p -> !REGISTRIES.contains(p.getFileName().toString()))
              .sorted()
              .toList();
    }

    Map<String, Integer> counts = new TreeMap<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (name.equals(MALFORMED)) {
        assertThatThrownBy(() -> parseByShape(file)).isInstanceOf(GeoReportFormatException.class);
      } else {
        counts.put(name, parseByShape(file));
      }
    }

    assertThat(counts)
        .containsEntry("dc_washington_services.xml", 86)
        .containsEntry("san_francisco_services_2010.xml", 36)
        .containsEntry("dc_washington_service_definition_S0301.xml", 6)
        .containsEntry("san_francisco_OpenServiceRequests_Slice.json", 673)
        .containsEntry("san_francisco_SingleServiceType_Slice.json", 377)
        .containsEntry("san_francisco_ServiceRequests_By_Zip_Slice.json", 73)
        .containsEntry("boston_discovery.json", 2)
        .containsEntry("dc_washington_discovery.xml", 2);
    assertThat(counts.values()).allMatch(n -> n > 0);
    assertThat(counts).hasSizeGreaterThanOrEqualTo(16);
  }

  /** How many records the file holds, read by what it is: services, requests, errors... */
  private static int parseByShape(Path file) {
    String body = Open311Corpus.read(file);
    if (file.toString().endsWith(".xml")) {
      String root = SafeXml.parseLenient(body).getDocumentElement().getLocalName();
      return switch (root) {
        case "services" -> GeoReportClient.parseServices(body, Format.XML).size();
        case "service_definition" ->
            GeoReportClient.parseServiceDefinition(body, Format.XML).attributes().size();
        case "service_requests" ->
            body.contains("<token>")
                ? GeoReportClient.parseTokens(body, Format.XML).size()
                : GeoReportClient.parseRequests(body, Format.XML).size();
        case "errors" -> GeoReportClient.parseErrors(body, Format.XML).size();
        case "discovery" -> GeoReportClient.parseDiscovery(body, Format.XML).endpoints().size();
        default -> throw new AssertionError("not a GeoReport document: <" + root + "> " + file);
      };
    }
    if (body.contains("\"endpoints\"")) {
      return GeoReportClient.parseDiscovery(body, Format.JSON).endpoints().size();
    }
    if (body.contains("\"service_request_id\"")) {
      return GeoReportClient.parseRequests(body, Format.JSON).size();
    }
    if (body.contains("\"service_code\"")) {
      return GeoReportClient.parseServices(body, Format.JSON).size();
    }
    throw new AssertionError("not a GeoReport JSON document: " + file);
  }
}
