package org.civicportal.open311.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parsers' tolerance and their limits on small made-up bodies (no corpus needed). */
class GeoReportParsingTest {

  @Test
  void datetimesInTheShapesServersWrite() {
    ZoneId utc = ZoneOffset.UTC;

    assertThat(GeoReportDates.parse("2010-04-14T06:37:38-08:00", utc))
        .contains(OffsetDateTime.parse("2010-04-14T06:37:38-08:00"));
    assertThat(GeoReportDates.parse("2010-01-01T00:00:00Z", utc))
        .contains(OffsetDateTime.parse("2010-01-01T00:00:00Z"));
    assertThat(GeoReportDates.parse("2010-04-14T06:37:38-0800", utc))
        .contains(OffsetDateTime.parse("2010-04-14T06:37:38-08:00"));
    assertThat(GeoReportDates.parse("2010-11-15 01:00:36.113", ZoneId.of("America/Los_Angeles")))
        .contains(OffsetDateTime.parse("2010-11-15T01:00:36.113-08:00"));
    assertThat(GeoReportDates.parse("2010-11-15T01:00:36", utc))
        .contains(OffsetDateTime.parse("2010-11-15T01:00:36Z"));
    assertThat(GeoReportDates.parse("2010-11-15", utc))
        .contains(OffsetDateTime.parse("2010-11-15T00:00:00Z"));
    assertThat(GeoReportDates.parse("null", utc)).isEmpty();
    assertThat(GeoReportDates.parse("true", utc)).isEmpty();
    assertThat(GeoReportDates.parse("", utc)).isEmpty();
    assertThat(GeoReportDates.parse("2010-02-30T00:00:00Z", utc)).isEmpty();
  }

  @Test
  void jsonServicesWithNumericCodesNullsAndRepeatedKeys() {
    String body =
        """
        [{"service_code": 1, "service_code": "ignored", "service_name": "Potholes",
          "description": null, "metadata": true, "type": "realtime",
          "keywords": "null", "group ": "street"}]
        """;

    List<Service> services = GeoReportClient.parseServices(body, Format.JSON);

    assertThat(services)
        .containsExactly(new Service("1", "Potholes", "", true, "realtime", "", "street"));
  }

  @Test
  void jsonServiceDefinitionAndErrors() {
    String definition =
        """
        {"service_code": "DMV66", "attributes": [{"variable": true, "code": "WHISHETN",
          "datatype": "singlevaluelist", "required": true, "datatype_description": null,
          "order": 1, "description": "What is the ticket/tag/DL number?",
          "values": [{"key": 123, "name": "Ford"}, {"key": 124, "name": "Chrysler"}]}]}
        """;
    String errors = "[{\"code\":403,\"description\":\"Invalid api_key received\"}]";

    ServiceDefinition parsed = GeoReportClient.parseServiceDefinition(definition, Format.JSON);

    assertThat(parsed.attributes().get(0).values())
        .containsExactly(
            new ServiceDefinition.Value("123", "Ford"),
            new ServiceDefinition.Value("124", "Chrysler"));
    assertThat(GeoReportClient.parseErrors(errors, Format.JSON))
        .containsExactly(new Error("403", "Invalid api_key received"));
    assertThatThrownBy(() -> GeoReportClient.parseRequests(errors, Format.JSON))
        .isInstanceOf(GeoReportFormatException.class)
        .hasMessageContaining("errors");
  }

  @Test
  void externalEntitiesAreRefusedNotFetched() {
    String xxe =
        """
        <?xml version="1.0" encoding="utf-8"?>
        <!DOCTYPE services [<!ENTITY leak SYSTEM "file:///etc/passwd">]>
        <services><service><service_code>&leak;</service_code></service></services>
        """;

    assertThatThrownBy(() -> GeoReportClient.parseServices(xxe, Format.XML))
        .isInstanceOf(GeoReportFormatException.class)
        .hasMessageContaining("DOCTYPE");
  }

  @Test
  void unreadableBodiesFailWithAMessage() {
    assertThatThrownBy(() -> GeoReportClient.parseServices("[{\"service_code\": ", Format.JSON))
        .isInstanceOf(GeoReportFormatException.class)
        .hasMessageContaining("JSON");
    assertThatThrownBy(() -> GeoReportClient.parseServices("[] []", Format.JSON))
        .isInstanceOf(GeoReportFormatException.class);
    assertThatThrownBy(() -> GeoReportClient.parseServices("<html><body/></html>", Format.XML))
        .isInstanceOf(GeoReportFormatException.class)
        .hasMessageContaining("html");
    assertThatThrownBy(() -> GeoReportClient.parseServices("{\"foo\": 1}", Format.JSON))
        .isInstanceOf(GeoReportFormatException.class)
        .hasMessageContaining("no service records");
    assertThatThrownBy(() -> GeoReportClient.parseServices("", Format.XML))
        .isInstanceOf(GeoReportFormatException.class);
  }

  @Test
  void byteOrderMarkAndEmptyListsAreFine() {
    assertThat(
            GeoReportClient.parseServices(
                "\uFEFF  <?xml version=\"1.0\" encoding=\"UTF-8\"?><services/>", Format.XML))
        .isEmpty();
    assertThat(GeoReportClient.parseRequests("[]", Format.JSON)).isEmpty();
    assertThat(GeoReportClient.parseRequests("{\"requests\": []}", Format.JSON)).isEmpty();
  }
}
