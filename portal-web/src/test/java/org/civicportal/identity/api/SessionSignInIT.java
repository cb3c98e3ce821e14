package org.civicportal.identity.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.civicportal.web.Deployments;
import org.civicportal.web.Http;
import org.civicportal.web.PortalSession;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signing in on the page the way a browser does it, over plain HTTP: the session id changes at
 * sign-in (a planted id is worth nothing), the API then answers the signed-in session without Basic
 * credentials, and only on the tenant the session was made on; Basic calls make no session.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionSignInIT {
  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  /**
   * Issue 15: the staff menu is made of what each feature contributes, and offers a reader only the
   * pages they may use: a case worker is not sent to the audit log to be refused there.
   */
  @Test
  void theStaffMenuOffersOnlyThePagesTheReaderMayUse() {
    String caseWorker = menu("caseworker1");
    String auditor = menu("auditor1");
    String admin = menu("admin1");

    assertThat(caseWorker)
        .contains("/staff/documents\"", "/staff/requests\"", "/staff/search\"")
        .doesNotContain("/staff/audit\"", "/staff/employees\"", "/staff/devices\"");
    assertThat(auditor)
        .contains("/staff/audit\"", "/staff/documents\"")
        .doesNotContain("/staff/requests\"", "/staff/employees\"");
    assertThat(admin)
        .contains("/staff/employees\"", "/staff/import\"", "/staff/branding\"", "/staff/devices\"")
        .doesNotContain("/staff/audit\"");
    assertThat(caseWorker)
        .contains("href=\"" + base.getPath() + "staff/search\" aria-current=\"page\"");
  }

  /** The staff menu of /staff/search as this demo user sees it. */
  private String menu(String user) {
    HttpResponse<String> page = PortalSession.signedIn(base, user, "Demo!2026").get("staff/search");
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    Matcher nav =
        Pattern.compile("<ul class=\"staff-nav\">(.*?)</ul>", Pattern.DOTALL).matcher(page.body());
    assertThat(nav.find()).as(page.body()).isTrue();
    return nav.group(1);
  }

  @Test
  void theSessionIdChangesAtSignInAndTheApiAcceptsTheSession() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient client = client(cookies);
    URI login = URI.create(base + "login");
    HttpResponse<String> page =
        client.send(HttpRequest.newBuilder(login).build(), HttpResponse.BodyHandlers.ofString());
    String before = sessionId(cookies).orElseThrow();

    HttpResponse<String> signedIn = signIn(client, page, "analyst1");
    String after = sessionId(cookies).orElseThrow();
    HttpResponse<String> documents = get(client, "api/v1/documents", Optional.empty());

    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
    assertThat(after).isNotEqualTo(before);
    assertThat(documents.statusCode()).isEqualTo(200);
    assertThat(documents.body()).contains("SECRET//ALPHA");
  }

  @Test
  void aSessionBelongsToTheTenantItWasMadeOn_issue14() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient client = client(cookies);
    HttpResponse<String> page =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "login")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(signIn(client, page, "analyst1").statusCode()).isEqualTo(302);

    // the same cookie, sent to Samplestan's host name on the same server
    HttpResponse<String> elsewhere =
        get(client, "api/v1/documents", Optional.of("samplestan.localhost"));
    HttpResponse<String> elsewherePage =
        get(client, "staff/documents", Optional.of("samplestan.localhost"));
    HttpResponse<String> home = get(client, "api/v1/documents", Optional.empty());

    assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(401);
    assertThat(elsewherePage.statusCode()).as("sent to sign in").isEqualTo(302);
    assertThat(elsewherePage.headers().firstValue("Location").orElse("")).contains("/login");
    assertThat(home.statusCode()).as("still signed in where it was made").isEqualTo(200);
  }

  @Test
  void basicCallsMakeNoSession_issue14() throws Exception {
    HttpClient client = client(new CookieManager());

    HttpResponse<String> documents =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "api/v1/documents"))
                .header("Authorization", Http.basic("analyst1", "Demo!2026"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(documents.statusCode()).isEqualTo(200);
    assertThat(documents.headers().allValues("Set-Cookie"))
        .noneMatch(c -> c.contains("JSESSIONID"));
  }

  private static HttpClient client(CookieManager cookies) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  private HttpResponse<String> signIn(HttpClient client, HttpResponse<String> page, String user)
      throws Exception {
    Matcher viewState = VIEW_STATE.matcher(page.body());
    assertThat(viewState.find()).isTrue();
    Map<String, String> form =
        Map.of(
            "loginForm", "loginForm",
            "loginForm:username", user,
            "loginForm:password", "Demo!2026",
            "loginForm:signIn", "Sign in",
            "jakarta.faces.ViewState", viewState.group(1));
    String body =
        form.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return client.send(
        HttpRequest.newBuilder(URI.create(base + "login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Origin", base.getProtocol() + "://" + base.getAuthority())
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(HttpClient client, String path, Optional<String> host)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    host.ifPresent(h -> request.header("Host", h));
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Optional<String> sessionId(CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("JSESSIONID"))
        .map(HttpCookie::getValue)
        .reduce((first, second) -> second);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
