package org.civicportal.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.civicportal.web.FakeRequest;
import org.junit.jupiter.api.Test;

class CrossSiteFilterTest {
  private static final Set<String> OWN = Set.of("http://127.0.0.1:8080");

  private static FakeRequest post() {
    return new FakeRequest("127.0.0.1", "http", "127.0.0.1", 8080)
        .method("POST", "/api/v1/documents/3/attachments");
  }

  @Test
  void readsAreNeverRefused() {
    HttpServletRequest request =
        post()
            .method("GET", "/api/v1/documents")
            .header("Origin", "http://evil.example")
            .header("Sec-Fetch-Site", "cross-site")
            .build();

    assertThat(CrossSiteFilter.refusal(request, OWN, "JSESSIONID")).isEmpty();
  }

  @Test
  void fetchMetadataDecidesWhenTheBrowserSendsIt() {
    assertThat(refusal(post().header("Sec-Fetch-Site", "same-origin"))).isEmpty();
    assertThat(refusal(post().header("Sec-Fetch-Site", "none"))).isEmpty();
    assertThat(refusal(post().header("Sec-Fetch-Site", "same-site"))).isPresent();
    assertThat(refusal(post().header("Sec-Fetch-Site", "cross-site"))).isPresent();
    // the browser knows where the request came from better than an Origin compared behind proxies
    assertThat(
            refusal(
                post()
                    .header("Sec-Fetch-Site", "cross-site")
                    .header("Origin", "http://127.0.0.1:8080")))
        .isPresent();
  }

  @Test
  void withoutFetchMetadataTheOriginMustBeTheportalsOwn() {
    assertThat(refusal(post().header("Origin", "http://127.0.0.1:8080"))).isEmpty();
    assertThat(refusal(post().header("Origin", "HTTP://127.0.0.1:8080"))).isEmpty();
    assertThat(refusal(post().header("Origin", "http://evil.example"))).isPresent();
    assertThat(refusal(post().header("Origin", "http://samplestan.localhost:8080"))).isPresent();
    assertThat(refusal(post().header("Origin", "https://127.0.0.1:8080"))).isPresent();
    assertThat(refusal(post().header("Origin", "http://127.0.0.1:8081"))).isPresent();
    assertThat(refusal(post().header("Origin", "null"))).isPresent();
  }

  @Test
  void aSessionCookieWithoutOriginOrFetchMetadataIsRefused() {
    assertThat(refusal(post().cookie("JSESSIONID", "abc"))).isPresent();
    assertThat(refusal(post().method("DELETE", "/api/v1/devices/1").cookie("JSESSIONID", "abc")))
        .isPresent();
  }

  @Test
  void programsWithoutASessionCookieOrWithTheirOwnCredentialsAreNotAffected() {
    assertThat(refusal(post())).isEmpty();
    assertThat(refusal(post().cookie("civic_lang", "fr"))).isEmpty();
    assertThat(refusal(post().header("Authorization", "Basic YTpi"))).isEmpty();
    assertThat(refusal(post().header("Authorization", "Bearer t0k3n").cookie("JSESSIONID", "abc")))
        .isEmpty();
  }

  @Test
  void signingInFromAnotherSiteIsRefusedEvenWithoutASession() {
    assertThat(
            refusal(
                new FakeRequest("127.0.0.1", "http", "127.0.0.1", 8080)
                    .method("POST", "/login")
                    .header("Origin", "http://evil.example")))
        .isPresent();
  }

  @Test
  void theOwnOriginsAreTheAddressedOneAndThePublicUrlsOnItsHost() {
    HttpServletRequest request =
        new FakeRequest("127.0.0.1", "http", "portal.example", 8080).method("POST", "/").build();

    assertThat(CrossSiteFilter.ownOrigins(request, ""))
        .containsExactly("http://portal.example:8080");
    assertThat(CrossSiteFilter.ownOrigins(request, "https://Portal.Example/"))
        .containsExactlyInAnyOrder("http://portal.example:8080", "https://portal.example");
    assertThat(CrossSiteFilter.ownOrigins(request, "https://portal.example:8443/civic"))
        .contains("https://portal.example:8443");
    // another tenant's public address is not this host's
    assertThat(CrossSiteFilter.ownOrigins(request, "https://samplestan.example"))
        .containsExactly("http://portal.example:8080");
  }

  private static java.util.Optional<String> refusal(FakeRequest request) {
    return CrossSiteFilter.refusal(request.build(), OWN, "JSESSIONID");
  }
}
