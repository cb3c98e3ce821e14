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
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signing in on the page the way a browser does it, over plain HTTP: the session id changes at
 * sign-in (a planted id is worth nothing), and the API then answers the signed-in session without
 * Basic credentials.
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

  @Test
  void theSessionIdChangesAtSignInAndTheApiAcceptsTheSession() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    URI login = URI.create(base + "login");
    HttpResponse<String> page =
        client.send(HttpRequest.newBuilder(login).build(), HttpResponse.BodyHandlers.ofString());
    String before = sessionId(cookies).orElseThrow();
    Matcher viewState = VIEW_STATE.matcher(page.body());
    assertThat(viewState.find()).isTrue();

    Map<String, String> form =
        Map.of(
            "loginForm", "loginForm",
            "loginForm:username", "analyst1",
            "loginForm:password", "Demo!2026",
            "loginForm:signIn", "Sign in",
            "jakarta.faces.ViewState", viewState.group(1));
    String body =
        form.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpResponse<String> signedIn =
        client.send(
            HttpRequest.newBuilder(login)
                .header("Content-Type", "application/x-www-form-urlencoded")
                // as a browser says it: the post comes from the portal's own page
                .header(
                    "Origin", base.getProtocol() + "://" + base.getHost() + ":" + base.getPort())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String after = sessionId(cookies).orElseThrow();
    HttpResponse<String> documents =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "api/v1/documents")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
    assertThat(after).isNotEqualTo(before);
    assertThat(documents.statusCode()).isEqualTo(200);
    assertThat(documents.body()).contains("SECRET//ALPHA");
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
