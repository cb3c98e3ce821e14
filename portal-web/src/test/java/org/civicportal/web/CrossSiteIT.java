package org.civicportal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Issue 14, points 4 and 6, against the real WAR: state changes authenticated by the session cookie
 * are refused when they come from another site (another origin, another tenant, or no proof at all)
 * and still work from the portal's own pages and with HTTP Basic; cookies are HttpOnly,
 * SameSite=Lax, and Secure over HTTPS (here: behind the trusted proxy that 127.0.0.1 stands for
 * when it sends {@code X-Forwarded-Proto: https}); every answer carries the security headers, and
 * pages hold no script outside their policy's nonce.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CrossSiteIT {
  private static final String PASSWORD = "Demo!2026";
  private static final String EVIL = "http://evil.example";
  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource URL base;

  @Test
  void crossSiteAttachmentIsRefused_issue14() throws Exception {
    long document = createdDocument("analyst1");
    String path = "api/v1/documents/" + document + "/attachments?name=note.txt";
    String cookie = session("analyst1");

    List<HttpResponse<String>> refused =
        List.of(
            attach(path, "Cookie", cookie, "Origin", EVIL),
            attach(path, "Cookie", cookie, "Sec-Fetch-Site", "cross-site"),
            attach(path, "Cookie", cookie, "Origin", otherTenant()),
            attach(path, "Cookie", cookie, "Sec-Fetch-Site", "same-site"),
            attach(path, "Cookie", cookie, "Origin", "null"),
            attach(path, "Cookie", cookie));
    int attachedCrossSite = attachments(document);
    HttpResponse<String> sameOrigin = attach(path, "Cookie", cookie, "Origin", origin());
    HttpResponse<String> fetchMetadata =
        attach(path, "Cookie", cookie, "Sec-Fetch-Site", "same-origin", "Origin", origin());
    HttpResponse<String> script = attach(path, "Authorization", Http.basic("analyst1", PASSWORD));

    for (HttpResponse<String> response : refused) {
      assertProblem403(response);
    }
    assertThat(attachedCrossSite).isZero();
    assertThat(sameOrigin.statusCode()).as(sameOrigin.body()).isEqualTo(201);
    assertThat(fetchMetadata.statusCode()).as(fetchMetadata.body()).isEqualTo(201);
    assertThat(script.statusCode()).as(script.body()).isEqualTo(201);
    assertThat(attachments(document)).isEqualTo(3);
  }

  @Test
  void crossSiteSubmitOfADraftServiceIsRefused_issue14() throws Exception {
    long service = createdDraftService();
    long scripted = createdDraftService();
    String cookie = session("editor1");

    HttpResponse<String> crossSite =
        bodyless("api/v1/services/" + service + "/submit", "Cookie", cookie, "Origin", EVIL);
    String stateAfterCrossSite = serviceState(service);
    HttpResponse<String> sameOrigin =
        bodyless("api/v1/services/" + service + "/submit", "Cookie", cookie, "Origin", origin());
    HttpResponse<String> script =
        bodyless(
            "api/v1/services/" + scripted + "/submit",
            "Authorization",
            Http.basic("editor1", PASSWORD));

    assertProblem403(crossSite);
    assertThat(stateAfterCrossSite).isEqualTo("draft");
    assertThat(sameOrigin.statusCode()).as(sameOrigin.body()).isEqualTo(200);
    assertThat(serviceState(service)).isEqualTo("in-review");
    assertThat(script.statusCode()).as(script.body()).isEqualTo(200);
    assertThat(serviceState(scripted)).isEqualTo("in-review");
  }

  @Test
  void crossSiteDeviceSuspensionIsRefused_issue14() throws Exception {
    long device = registeredDevice();
    String suspension = "api/v1/devices/" + device + "/suspension";
    String cookie = session("admin1");

    HttpResponse<String> crossSite = bodyless(suspension, "Cookie", cookie, "Origin", EVIL);
    HttpResponse<String> otherTenant =
        bodyless(suspension, "Cookie", cookie, "Sec-Fetch-Site", "same-site");
    String stateAfterCrossSite = deviceState(device);
    HttpResponse<String> sameOrigin =
        bodyless(suspension, "Cookie", cookie, "Sec-Fetch-Site", "same-origin");
    String stateAfterSameOrigin = deviceState(device);
    bodyless(
        "api/v1/devices/" + device + "/approval", "Authorization", Http.basic("admin1", PASSWORD));
    HttpResponse<String> script =
        bodyless(suspension, "Authorization", Http.basic("admin1", PASSWORD));

    assertProblem403(crossSite);
    assertProblem403(otherTenant);
    assertThat(stateAfterCrossSite).isEqualTo("active");
    assertThat(sameOrigin.statusCode()).as(sameOrigin.body()).isEqualTo(200);
    assertThat(stateAfterSameOrigin).isEqualTo("suspended");
    assertThat(script.statusCode()).as(script.body()).isEqualTo(200);
    assertThat(deviceState(device)).isEqualTo("suspended");
  }

  @Test
  void crossSiteSignInIsRefused_issue14() throws Exception {
    LoginPage victim = loginPage();
    LoginPage firstVisit = loginPage();

    HttpResponse<String> withSession =
        postForm(
            "login", signInForm(victim, "citizen1"), "Cookie", victim.cookie(), "Origin", EVIL);
    HttpResponse<String> withoutSession =
        postForm("login", signInForm(firstVisit, "citizen1"), "Origin", EVIL);
    HttpResponse<String> fetchMetadata =
        postForm(
            "login",
            signInForm(victim, "citizen1"),
            "Cookie",
            victim.cookie(),
            "Sec-Fetch-Site",
            "cross-site");
    HttpResponse<String> stillAnonymous =
        Http.get(base, "api/v1/documents", "Cookie", victim.cookie());
    HttpResponse<String> sameOrigin =
        postForm(
            "login", signInForm(victim, "citizen1"), "Cookie", victim.cookie(), "Origin", origin());

    for (HttpResponse<String> response : List.of(withSession, withoutSession, fetchMetadata)) {
      assertPage403(response);
    }
    assertThat(stillAnonymous.statusCode()).isEqualTo(401);
    assertThat(sameOrigin.statusCode()).as(sameOrigin.body()).isEqualTo(302);
  }

  @Test
  void crossSiteRegistrationAndSignOutAreRefused_issue14() throws Exception {
    LoginPage page = loginPage();
    String cookie = session("analyst1");

    HttpResponse<String> register =
        postForm(
            "register",
            Map.of(
                "registerForm", "registerForm",
                "registerForm:username", "planted" + System.nanoTime(),
                "registerForm:email", "planted@example.org",
                "registerForm:password", "Planted!Password1",
                "jakarta.faces.ViewState", page.viewState()),
            "Cookie",
            page.cookie(),
            "Origin",
            EVIL);
    HttpResponse<String> signOut = postForm("logout", Map.of(), "Cookie", cookie, "Origin", EVIL);
    HttpResponse<String> stillSignedIn = Http.get(base, "api/v1/documents", "Cookie", cookie);

    assertPage403(register);
    assertPage403(signOut);
    assertThat(stillSignedIn.statusCode()).isEqualTo(200);
  }

  @Test
  void aForgedPageOnAnotherOriginCannotAttachAFileWithTheBrowsersSession_issue14()
      throws Exception {
    long document = createdDocument("analyst1");
    String target = base + "api/v1/documents/" + document + "/attachments?name=planted.txt";
    // another site on the portal's host: another origin (port) but the same site for the browser,
    // so it even receives the SameSite=Lax cookie; only the portal's own check stands in the way
    HttpServer evil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] page =
        ("<!DOCTYPE html><html lang=\"en\"><title>Win a prize</title><body>"
                + "<form method=\"post\" enctype=\"text/plain\" action=\""
                + target
                + "\"><input name=\"planted\" value=\"yes\"></form>"
                + "<script>document.forms[0].submit()</script></body></html>")
            .getBytes(StandardCharsets.UTF_8);
    evil.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          exchange.getResponseBody().write(page);
          exchange.close();
        });
    evil.start();
    try (Browser browser = new Browser("en-GB")) {
      browser.driver().get(base + "login");
      browser.driver().findElement(By.id("loginForm:username")).sendKeys("analyst1");
      browser.driver().findElement(By.id("loginForm:password")).sendKeys(PASSWORD);
      browser.clickAndLoad(By.id("loginForm:signIn"));

      browser.driver().get("http://" + base.getHost() + ":" + evil.getAddress().getPort() + "/");
      new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(20))
          .until(d -> d.getCurrentUrl().startsWith(target));
      String answer = browser.driver().findElement(By.tagName("body")).getText();

      assertThat(answer).contains("\"status\":403");
      assertThat(attachments(document)).isZero();
    } finally {
      evil.stop(0);
    }
  }

  @Test
  void sessionAndPreferenceCookiesAreHttpOnlyLaxAndSecureOnlyOverHttps_issue14() throws Exception {
    HttpResponse<String> plain = Http.get(base, "catalogue?lang=fr&contrast=high");
    HttpResponse<String> proxied =
        Http.get(base, "catalogue?lang=fr&contrast=high", "X-Forwarded-Proto", "https");
    HttpResponse<String> plainPage = Http.get(base, "login");
    HttpResponse<String> proxiedPage = Http.get(base, "login", "X-Forwarded-Proto", "https");
    HttpResponse<String> proxiedError =
        Http.get(base, "no-such-page", "X-Forwarded-Proto", "https");
    LoginPage login = loginPage("X-Forwarded-Proto", "https");
    HttpResponse<String> proxiedSignIn =
        postForm(
            "login",
            signInForm(login, "analyst1"),
            "Cookie",
            login.cookie(),
            "Origin",
            "https://" + base.getHost() + ":" + base.getPort(),
            "X-Forwarded-Proto",
            "https");

    for (HttpResponse<String> response :
        List.of(plain, proxied, plainPage, proxiedPage, proxiedError, proxiedSignIn)) {
      List<String> names =
          response.headers().allValues("Set-Cookie").stream()
              .map(c -> c.substring(0, c.indexOf('=')))
              .toList();
      assertThat(names).as("each cookie set once: " + response.uri()).doesNotHaveDuplicates();
    }
    Map<String, Map<String, String>> overHttp = cookies(plain, plainPage);
    Map<String, Map<String, String>> overHttps =
        cookies(proxied, proxiedPage, proxiedError, proxiedSignIn);
    assertThat(overHttp).containsKeys("JSESSIONID", "civic_lang", "civic_contrast");
    assertThat(overHttps).containsKeys("JSESSIONID", "civic_lang", "civic_contrast");
    assertThat(proxiedSignIn.statusCode()).as(proxiedSignIn.body()).isEqualTo(302);
    assertThat(cookies(proxiedSignIn)).containsKey("JSESSIONID");
    overHttp.forEach(
        (name, attributes) ->
            assertThat(attributes)
                .as(name + " over HTTP")
                .containsKey("httponly")
                .containsEntry("samesite", "lax")
                .doesNotContainKey("secure"));
    overHttps.forEach(
        (name, attributes) ->
            assertThat(attributes)
                .as(name + " over HTTPS")
                .containsKey("httponly")
                .containsEntry("samesite", "lax")
                .containsKey("secure"));
  }

  @Test
  void everyAnswerCarriesTheSecurityHeadersAndHstsOnlyOverHttps_issue14() throws Exception {
    List<String> paths =
        List.of(
            "",
            "login",
            "catalogue",
            "api/v1/services",
            "api/v1/no-such-thing",
            "no-such-page",
            "robots.txt",
            "staff/field-sw.js",
            "jakarta.faces.resource/core.js.xhtml?ln=primefaces");

    for (String path : paths) {
      HttpResponse<String> plain = Http.get(base, path);
      HttpResponse<String> proxied = Http.get(base, path, "X-Forwarded-Proto", "https");

      for (HttpResponse<String> response : List.of(plain, proxied)) {
        assertThat(response.headers().allValues("X-Content-Type-Options"))
            .as(path)
            .containsExactly("nosniff");
        assertThat(response.headers().allValues("Referrer-Policy"))
            .as(path)
            .containsExactly("same-origin");
        assertThat(response.headers().allValues("X-Frame-Options"))
            .as(path)
            .containsExactly("DENY");
        List<String> policies = response.headers().allValues("Content-Security-Policy");
        assertThat(policies).as(path).hasSize(1);
        Map<String, String> policy = directives(policies.get(0));
        assertThat(policy).as(path).containsEntry("frame-ancestors", "'none'");
        assertThat(policy).as(path).containsEntry("object-src", "'none'");
        assertThat(policy.get("script-src"))
            .as(path)
            .startsWith("'self'")
            .doesNotContain("unsafe-inline", "unsafe-eval", "*", "data:");
      }
      assertThat(plain.headers().firstValue("Strict-Transport-Security")).as(path).isEmpty();
      assertThat(proxied.headers().firstValue("Strict-Transport-Security"))
          .as(path)
          .hasValue("max-age=31536000");
    }
  }

  @Test
  void pagesHoldNoScriptOutsideTheirPolicysNonce_issue14() throws Exception {
    String staff = session("admin1");
    String editor = session("editor1");
    List<HttpResponse<String>> pages = new ArrayList<>();
    for (String path :
        List.of("", "catalogue", "search?q=passport", "login", "register", "reset")) {
      pages.add(Http.get(base, path));
    }
    for (String path :
        List.of(
            "staff/documents",
            "staff/new-document",
            "staff/search?q=bridge",
            "staff/index",
            "staff/import",
            "staff/field",
            "staff/devices",
            "staff/employees",
            "staff/requests",
            "staff/audit")) {
      pages.add(Http.get(base, path, "Cookie", staff));
    }
    for (String path : List.of("staff/services", "staff/service-form?id=1")) {
      pages.add(Http.get(base, path, "Cookie", editor));
    }
    // the same page again, from the anonymous page cache
    pages.add(Http.get(base, ""));

    for (HttpResponse<String> page : pages) {
      String where = page.uri().toString();
      assertThat(page.statusCode()).as(where).isEqualTo(200);
      String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
      Matcher nonce = Pattern.compile("'nonce-([A-Za-z0-9+/=]+)'").matcher(policy);
      assertThat(nonce.find()).as(where + ": " + policy).isTrue();
      List<String> scripts = tags(page.body(), "script");
      assertThat(scripts).as(where).isNotEmpty();
      assertThat(scripts)
          .as(where + ": every script carries the nonce")
          .allMatch(tag -> tag.contains("nonce=\"" + nonce.group(1) + "\""));
      String markup = page.body().replaceAll("(?s)<script\\b[^>]*>.*?</script>", "");
      assertThat(tags(markup, "[a-zA-Z][a-zA-Z0-9]*"))
          .as(where + ": no inline event handler or javascript: address")
          .noneMatch(tag -> tag.matches("(?is).*\\son[a-z]+\\s*=.*"))
          .noneMatch(tag -> tag.toLowerCase(Locale.ROOT).contains("javascript:"));
    }
  }

  @Test
  void aContentSecurityViolationFailsTheBrowserCheck_issue14() {
    try (Browser browser = new Browser("en-GB")) {
      browser.driver().get(base + "login");
      browser.assertAccessibleAndErrorFree();

      ((JavascriptExecutor) browser.driver())
          .executeScript(
              "var s = document.createElement('script');"
                  + " s.textContent = 'document.title = \"injected\"';"
                  + " document.body.appendChild(s);");

      assertThat(browser.driver().getTitle()).isNotEqualTo("injected");
      assertThatThrownBy(browser::assertAccessibleAndErrorFree)
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Content Security Policy");
    }
  }

  // ---- the portal, as a browser and as a script use it ----

  /** The origin of the portal's pages as the tests address it. */
  private String origin() {
    return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
  }

  private String otherTenant() {
    return "http://samplestan.localhost:" + base.getPort();
  }

  private record LoginPage(String cookie, String viewState) {}

  private LoginPage loginPage(String... headers) throws Exception {
    HttpResponse<String> page = Http.get(base, "login", headers);
    Matcher viewState = VIEW_STATE.matcher(page.body());
    assertThat(viewState.find()).as(page.body()).isTrue();
    return new LoginPage("JSESSIONID=" + sessionId(page), viewState.group(1));
  }

  private static Map<String, String> signInForm(LoginPage page, String username) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("loginForm", "loginForm");
    form.put("loginForm:username", username);
    form.put("loginForm:password", PASSWORD);
    form.put("loginForm:signIn", "Sign in");
    form.put("jakarta.faces.ViewState", page.viewState());
    return form;
  }

  /** Signs in on the page as a browser does (from the portal's own origin): the session cookie. */
  private String session(String username) throws Exception {
    LoginPage page = loginPage();
    HttpResponse<String> signedIn =
        postForm("login", signInForm(page, username), "Cookie", page.cookie(), "Origin", origin());
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
    return "JSESSIONID=" + sessionId(signedIn);
  }

  private static String sessionId(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("JSESSIONID="))
        .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';')))
        .reduce((first, second) -> second)
        .orElseThrow(() -> new AssertionError("no session cookie: " + response.headers()));
  }

  private HttpResponse<String> postForm(String path, Map<String, String> form, String... headers)
      throws Exception {
    String body =
        form.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return Http.sendTyped(base, path, "POST", "application/x-www-form-urlencoded", body, headers);
  }

  private HttpResponse<String> attach(String path, String... headers) throws Exception {
    return Http.sendTyped(base, path, "POST", "text/plain", "planted=yes", headers);
  }

  private HttpResponse<String> bodyless(String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      request.headers(headers);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private long createdDocument(String username) throws Exception {
    HttpResponse<String> created =
        Http.send(
            base,
            "api/v1/documents",
            "POST",
            "{\"title\":\"Cross-site target "
                + System.nanoTime()
                + "\",\"body\":\"Nothing planted here.\","
                + "\"agency\":\"transport\",\"classification\":\"OFFICIAL\"}",
            "Authorization",
            Http.basic(username, PASSWORD));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Http.json(created).asJsonObject().getJsonNumber("id").longValue();
  }

  private int attachments(long document) throws Exception {
    HttpResponse<String> list =
        Http.get(
            base,
            "api/v1/documents/" + document + "/attachments",
            "Authorization",
            Http.basic("analyst1", PASSWORD));
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    return Http.json(list).asJsonArray().size();
  }

  private long createdDraftService() throws Exception {
    HttpResponse<String> created =
        Http.send(
            base,
            "api/v1/services",
            "POST",
            "{\"title\":\"Cross-site permit "
                + System.nanoTime()
                + "\",\"summary\":\"A draft.\",\"body\":\"<p>Draft.</p>\","
                + "\"lang\":\"en\",\"category\":\"transport\",\"agency\":\"transport\"}",
            "Authorization",
            Http.basic("editor1", PASSWORD));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Http.json(created).asJsonObject().getJsonNumber("id").longValue();
  }

  private String serviceState(long service) {
    HttpResponse<String> editorial =
        Http.get(
            base,
            "api/v1/services/" + service + "/editorial",
            "Authorization",
            Http.basic("editor1", PASSWORD));
    assertThat(editorial.statusCode()).as(editorial.body()).isEqualTo(200);
    return Http.json(editorial).asJsonObject().getString("state");
  }

  private long registeredDevice() throws Exception {
    HttpResponse<String> registered =
        Http.send(
            base,
            "api/v1/devices",
            "POST",
            "{\"name\":\"Cross-site tablet\",\"platform\":\"android\"}",
            "Authorization",
            Http.basic("director1", PASSWORD));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    return Http.json(registered).asJsonObject().getJsonNumber("id").longValue();
  }

  private String deviceState(long device) {
    HttpResponse<String> found =
        Http.get(base, "api/v1/devices/" + device, "Authorization", Http.basic("admin1", PASSWORD));
    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    return Http.json(found).asJsonObject().getString("state");
  }

  // ---- what the answers say ----

  private static void assertProblem403(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    JsonObject problem = Http.json(response).asJsonObject();
    assertThat(problem.getInt("status")).isEqualTo(403);
    assertThat(problem.getString("detail")).contains("another site");
  }

  private static void assertPage403(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(response.body()).contains("This action was refused");
  }

  /** Each cookie the responses set, by name, with its attributes (names in lower case). */
  @SafeVarargs
  private static Map<String, Map<String, String>> cookies(HttpResponse<String>... responses) {
    Map<String, Map<String, String>> cookies = new LinkedHashMap<>();
    for (HttpResponse<String> response : responses) {
      for (String header : response.headers().allValues("Set-Cookie")) {
        String[] parts = header.split(";");
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
          String[] attribute = parts[i].strip().split("=", 2);
          attributes.put(
              attribute[0].toLowerCase(Locale.ROOT),
              attribute.length > 1 ? attribute[1].toLowerCase(Locale.ROOT) : "");
        }
        cookies.put(parts[0].substring(0, parts[0].indexOf('=')).strip(), attributes);
      }
    }
    return cookies;
  }

  private static Map<String, String> directives(String policy) {
    Map<String, String> directives = new LinkedHashMap<>();
    for (String directive : policy.split(";")) {
      String[] words = directive.strip().split("\\s+", 2);
      if (!words[0].isEmpty()) {
        directives.put(words[0], words.length > 1 ? words[1] : "");
      }
    }
    return directives;
  }

  private static List<String> tags(String html, String name) {
    List<String> tags = new ArrayList<>();
    Matcher tag = Pattern.compile("(?is)<(?:" + name + ")\\b[^>]*>").matcher(html);
    while (tag.find()) {
      tags.add(tag.group());
    }
    return tags;
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
