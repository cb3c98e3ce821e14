package org.civicportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HardenedResponseTest {

  @Test
  void aBareCookieGetsHttpOnlyAndSameSiteAndOverHttpsSecure() {
    assertThat(HardenedResponse.complete("JSESSIONID=abc; Path=/", false))
        .isEqualTo("JSESSIONID=abc; Path=/; HttpOnly; SameSite=Lax");
    assertThat(HardenedResponse.complete("JSESSIONID=abc; Path=/", true))
        .isEqualTo("JSESSIONID=abc; Path=/; HttpOnly; SameSite=Lax; Secure");
  }

  @Test
  void attributesACookieAlreadyHasAreKept() {
    String strict = "civic_lang=fr; Max-Age=31536000; Path=/; httponly; SameSite=Strict; Secure";

    assertThat(HardenedResponse.complete(strict, true)).isEqualTo(strict);
    assertThat(HardenedResponse.complete(strict, false)).isEqualTo(strict);
  }

  @Test
  void aValueThatLooksLikeAnAttributeIsNotOne() {
    assertThat(HardenedResponse.complete("note=Secure", true))
        .isEqualTo("note=Secure; HttpOnly; SameSite=Lax; Secure");
  }
}
