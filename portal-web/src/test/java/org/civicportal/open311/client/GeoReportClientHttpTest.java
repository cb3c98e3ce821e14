package org.civicportal.open311.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's URLs, arguments and error handling against a stub endpoint on 127.0.0.1. */
class GeoReportClientHttpTest {

  private static final String XML = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";

  private HttpServer server;
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private GeoReportClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/open311/", this::answer);
    server.start();
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/open311/v2");
    client = new GeoReportClient(base, Format.XML).withJurisdiction("city.test");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = exchange.getRequestURI().getRawPath();
    seen.add(
        exchange.getRequestMethod()
            + " "
            + exchange.getRequestURI().getRawPath()
            + (exchange.getRequestURI().getRawQuery() == null
                ? ""
                : "?" + exchange.getRequestURI().getRawQuery())
            + (body.isEmpty() ? "" : " " + body));
    int status = 200;
    String response;
    switch (path) {
      case "/open311/v2/services.xml" ->
          response =
              XML
                  + "<services><service><service_code>001</service_code>"
                  + "<service_name>Potholes</service_name><metadata>true</metadata>"
                  + "<type>realtime</type></service></services>";
      case "/open311/v2/services/S%200301.xml" ->
          response =
              XML
                  + "<service_definition><service_code>S 0301</service_code><attributes>"
                  + "<attribute><code>A</code><datatype>string</datatype><order>1</order>"
                  + "</attribute></attributes></service_definition>";
      case "/open311/v2/requests.xml", "/open311/v2/requests/638344.xml" ->
          response =
              exchange.getRequestMethod().equals("POST")
                  ? XML
                      + "<service_requests><request><token>12345</token></request>"
                      + "</service_requests>"
                  : XML
                      + "<service_requests><request><service_request_id>638344"
                      + "</service_request_id><status>open</status></request></service_requests>";
      case "/open311/v2/tokens/12345.xml" ->
          response =
              XML
                  + "<service_requests><request><service_request_id>638344</service_request_id>"
                  + "<token>12345</token></request></service_requests>";
      case "/open311/discovery.xml" ->
          response =
              XML
                  + "<discovery><endpoints><endpoint><url>http://127.0.0.1/open311/v2</url>"
                  + "<formats><format>text/xml</format><format>application/json</format>"
                  + "</formats></endpoint></endpoints></discovery>";
      default -> {
        status = 404;
        response =
            XML
                + "<errors><error><code>404</code><description>no such request</description>"
                + "</error></errors>";
      }
    }
    byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Test
  void everyCallGoesToItsSpecUrlWithTheJurisdiction() {
    List<Service> services = client.services();
    ServiceDefinition definition = client.service("S 0301");
    List<ServiceRequest> open = client.requests(Map.of("status", "open"));
    ServiceRequest one = client.request("638344").orElseThrow();
    PostResult token = client.token("12345").get(0);
    Discovery discovery = client.discovery();

    assertThat(services).extracting(Service::name).containsExactly("Potholes");
    assertThat(definition.code()).isEqualTo("S 0301");
    assertThat(open).containsExactly(one);
    assertThat(token).isEqualTo(new PostResult("638344", "12345", "", ""));
    assertThat(discovery.endpoints().get(0).formats())
        .containsExactly("text/xml", "application/json");
    assertThat(seen)
        .containsExactly(
            "GET /open311/v2/services.xml?jurisdiction_id=city.test",
            "GET /open311/v2/services/S%200301.xml?jurisdiction_id=city.test",
            "GET /open311/v2/requests.xml?jurisdiction_id=city.test&status=open",
            "GET /open311/v2/requests/638344.xml?jurisdiction_id=city.test",
            "GET /open311/v2/tokens/12345.xml?jurisdiction_id=city.test",
            "GET /open311/discovery.xml?jurisdiction_id=city.test");
  }

  @Test
  void postSendsTheApiKeyAndTheFormEncoded() {
    List<PostResult> results =
        client
            .withApiKey("k&y")
            .post(Map.of("service_code", "001", "description", "Pothole on 5th & Main"));

    assertThat(results).containsExactly(new PostResult("", "12345", "", ""));
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0))
        .startsWith("POST /open311/v2/requests.xml jurisdiction_id=city.test&api_key=k%26y&")
        .contains("service_code=001")
        .contains("description=Pothole+on+5th+%26+Main");
  }

  @Test
  void httpErrorsCarryTheServersErrorList() {
    assertThatThrownBy(() -> client.request("missing"))
        .isInstanceOfSatisfying(
            GeoReportErrorException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.errors()).containsExactly(new Error("404", "no such request"));
            });
  }
}
