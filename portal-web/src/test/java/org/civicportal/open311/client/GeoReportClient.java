package org.civicportal.open311.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A tolerant Open311 GeoReport v2 client: the six calls of the spec plus service discovery over
 * {@link HttpClient}, and static parsers that read real servers' bodies (XML or JSON, quirks
 * included) without HTTP. Immutable; the {@code with*} methods return a changed copy.
 *
 * <p>The base URL is the endpoint the discovery document names, e.g. {@code
 * http://127.0.0.1:8080/open311/v2}; calls append {@code /services.xml}, {@code
 * /requests/{id}.json}..., and discovery is looked for beside it ({@code
 * http://127.0.0.1:8080/open311/discovery.xml}). {@code jurisdiction_id} goes with every call when
 * set, {@code api_key} with POST. An HTTP error status raises {@link GeoReportErrorException} with
 * the server's error list; an unreadable body raises {@link GeoReportFormatException}.
 */
public final class GeoReportClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI baseUrl;
  private final Format format;
  private final String jurisdictionId;
  private final String apiKey;
  private final ZoneId zoneOfLocalTimes;
  private final HttpClient http;

  public GeoReportClient(URI baseUrl, Format format) {
    this(
        baseUrl,
        format,
        null,
        null,
        ZoneOffset.UTC,
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build());
  }

  private GeoReportClient(
      URI baseUrl,
      Format format,
      String jurisdictionId,
      String apiKey,
      ZoneId zoneOfLocalTimes,
      HttpClient http) {
    String base = baseUrl.toString();
    this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    this.format = format;
    this.jurisdictionId = jurisdictionId;
    this.apiKey = apiKey;
    this.zoneOfLocalTimes = zoneOfLocalTimes;
    this.http = http;
  }

  public GeoReportClient withJurisdiction(String jurisdictionId) {
    return new GeoReportClient(baseUrl, format, jurisdictionId, apiKey, zoneOfLocalTimes, http);
  }

  public GeoReportClient withApiKey(String apiKey) {
    return new GeoReportClient(baseUrl, format, jurisdictionId, apiKey, zoneOfLocalTimes, http);
  }

  /** The zone of datetimes sent without an offset (UTC unless set). */
  public GeoReportClient withZone(ZoneId zoneOfLocalTimes) {
    return new GeoReportClient(baseUrl, format, jurisdictionId, apiKey, zoneOfLocalTimes, http);
  }

  public GeoReportClient withHttpClient(HttpClient http) {
    return new GeoReportClient(baseUrl, format, jurisdictionId, apiKey, zoneOfLocalTimes, http);
  }

  /** GET services. */
  public List<Service> services() {
    return parseServices(get("services", Map.of()), format);
  }

  /** GET services/{code}: the service definition. */
  public ServiceDefinition service(String serviceCode) {
    return parseServiceDefinition(get("services/" + pathSegment(serviceCode), Map.of()), format);
  }

  /**
   * GET requests with spec arguments ({@code service_code}, {@code start_date}, {@code status}...).
   */
  public List<ServiceRequest> requests(Map<String, String> query) {
    return parseRequests(get("requests", query), format, zoneOfLocalTimes);
  }

  /** GET requests/{id}; empty when the server answers with an empty list. */
  public Optional<ServiceRequest> request(String serviceRequestId) {
    return parseRequests(
            get("requests/" + pathSegment(serviceRequestId), Map.of()), format, zoneOfLocalTimes)
        .stream()
        .findFirst();
  }

  /** POST requests, form-encoded ({@code service_code}, {@code lat}, {@code long}, ...). */
  public List<PostResult> post(Map<String, String> form) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (jurisdictionId != null) {
      fields.put("jurisdiction_id", jurisdictionId);
    }
    if (apiKey != null) {
      fields.put("api_key", apiKey);
    }
    fields.putAll(form);
    // The jurisdiction goes in the form only, not also in the query string.
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/requests." + format.extension()))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(formEncode(fields), StandardCharsets.UTF_8))
            .build();
    return parsePostResponse(send(request), format);
  }

  /** GET tokens/{token}: the service request id behind a batch server's token, once it has one. */
  public List<PostResult> token(String token) {
    return parseTokens(get("tokens/" + pathSegment(token), Map.of()), format);
  }

  /** GET discovery.{format} beside the endpoint (the parent of the base URL's last segment). */
  public Discovery discovery() {
    URI uri = withQuery(baseUrl.resolve("discovery." + format.extension()), Map.of());
    return parseDiscovery(send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build()), format);
  }

  public static List<Service> parseServices(String body, Format format) {
    return records(body, format, Set.of("services"), "service", "service_code").stream()
        .map(Service::from)
        .toList();
  }

  public static ServiceDefinition parseServiceDefinition(String body, Format format) {
    Payload.Tree tree =
        Payload.root(Payload.parse(body, format), format, Set.of("service_definition"));
    if (tree instanceof Payload.Arr arr && arr.items().size() == 1) {
      tree = arr.items().get(0);
    }
    if (!(tree instanceof Payload.Obj obj)) {
      throw new GeoReportFormatException("not a service definition: " + Payload.abbreviate(tree));
    }
    return ServiceDefinition.from(obj);
  }

  /** Requests, datetimes without an offset taken as UTC. */
  public static List<ServiceRequest> parseRequests(String body, Format format) {
    return parseRequests(body, format, ZoneOffset.UTC);
  }

  public static List<ServiceRequest> parseRequests(
      String body, Format format, ZoneId zoneOfLocalTimes) {
    return records(
            body, format, Set.of("service_requests", "requests"), "request", "service_request_id")
        .stream()
        .map(obj -> ServiceRequest.from(obj, zoneOfLocalTimes))
        .toList();
  }

  /** The response of POST requests: a service request id or a token per request. */
  public static List<PostResult> parsePostResponse(String body, Format format) {
    return records(
            body, format, Set.of("service_requests", "requests"), "request", "service_request_id")
        .stream()
        .map(PostResult::from)
        .toList();
  }

  /** The response of GET tokens/{token}: the same shape as a POST response. */
  public static List<PostResult> parseTokens(String body, Format format) {
    return parsePostResponse(body, format);
  }

  public static List<Error> parseErrors(String body, Format format) {
    Payload.Tree tree = Payload.root(Payload.parse(body, format), format, Set.of("errors"));
    return Payload.records(tree, Set.of("errors"), "error", "description").stream()
        .map(Error::from)
        .toList();
  }

  public static Discovery parseDiscovery(String body, Format format) {
    Payload.Tree tree = Payload.root(Payload.parse(body, format), format, Set.of("discovery"));
    if (!(tree instanceof Payload.Obj obj)) {
      throw new GeoReportFormatException("not a discovery document: " + Payload.abbreviate(tree));
    }
    return Discovery.from(obj);
  }

  private static List<Payload.Obj> records(
      String body, Format format, Set<String> wrappers, String item, String identifyingKey) {
    Payload.Tree tree = Payload.root(Payload.parse(body, format), format, wrappers);
    List<Payload.Obj> records = Payload.records(tree, wrappers, item, identifyingKey);
    if (tree instanceof Payload.Obj obj
        && records.isEmpty()
        && !obj.has(item)
        && wrappers.stream().noneMatch(obj::has)) {
      throw new GeoReportFormatException("no " + item + " records in " + Payload.abbreviate(tree));
    }
    // A JSON error array reads as records that have none of our fields.
    boolean errorsOnly =
        !records.isEmpty()
            && records.stream()
                .allMatch(r -> !r.has(identifyingKey) && r.has("code") && r.has("description"));
    if (errorsOnly) {
      throw new GeoReportFormatException(
          "expected " + item + " records but got errors: " + Payload.abbreviate(tree));
    }
    return records;
  }

  private String get(String path, Map<String, String> query) {
    Map<String, String> all = new LinkedHashMap<>(query);
    if (apiKey != null && path.startsWith("requests")) {
      // servers that keep requests private (Civic Portal among them) show a client what its key
      // sent
      all.putIfAbsent("api_key", apiKey);
    }
    return send(HttpRequest.newBuilder(endpoint(path, all)).timeout(TIMEOUT).GET().build());
  }

  private URI endpoint(String path, Map<String, String> query) {
    return withQuery(URI.create(baseUrl + "/" + path + "." + format.extension()), query);
  }

  private URI withQuery(URI uri, Map<String, String> query) {
    Map<String, String> all = new LinkedHashMap<>();
    if (jurisdictionId != null) {
      all.put("jurisdiction_id", jurisdictionId);
    }
    all.putAll(query);
    return all.isEmpty() ? uri : URI.create(uri + "?" + formEncode(all));
  }

  private String send(HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + request.uri(), e);
    }
    if (response.statusCode() >= 400) {
      List<Error> errors;
      try {
        errors = parseErrors(response.body(), format);
      } catch (GeoReportFormatException e) {
        errors = List.of();
      }
      throw new GeoReportErrorException(request.uri(), response.statusCode(), errors);
    }
    return response.body();
  }

  private static String formEncode(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String pathSegment(String value) {
    return encode(value).replace("+", "%20");
  }
}
