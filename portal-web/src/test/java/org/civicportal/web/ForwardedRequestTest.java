package org.civicportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardedRequestTest {
  private static final List<String> PROXY = List.of("10.0.0.2");

  @Test
  void withoutTrustedProxiesTheConnectionSaysEverything() {
    HttpServletRequest request =
        new FakeRequest("10.0.0.2", "http", "portal.example", 8080)
            .header("X-Forwarded-For", "203.0.113.9")
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "evil.example")
            .build();

    ForwardedRequest forwarded = ForwardedRequest.of(request, List.of());

    assertThat(forwarded.clientAddress()).isEqualTo("10.0.0.2");
    assertThat(forwarded.secure()).isFalse();
    assertThat(forwarded.origin()).isEqualTo("http://portal.example:8080");
  }

  @Test
  void aClientThatIsNotATrustedProxyIsNotBelieved() {
    HttpServletRequest request =
        new FakeRequest("203.0.113.9", "http", "portal.example", 80)
            .header("X-Forwarded-For", "198.51.100.1")
            .header("X-Forwarded-Proto", "https")
            .build();

    ForwardedRequest forwarded = ForwardedRequest.of(request, PROXY);

    assertThat(forwarded.clientAddress()).isEqualTo("203.0.113.9");
    assertThat(forwarded.secure()).isFalse();
    assertThat(forwarded.origin()).isEqualTo("http://portal.example");
  }

  @Test
  void aTrustedTlsProxyGivesTheBrowsersSchemeHostAndAddress() {
    HttpServletRequest request =
        new FakeRequest("10.0.0.2", "http", "127.0.0.1", 8080)
            .header("Host", "127.0.0.1:8080")
            .header("X-Forwarded-For", "203.0.113.9")
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "Portal.Example")
            .build();

    ForwardedRequest forwarded = ForwardedRequest.of(request, PROXY);

    assertThat(forwarded.clientAddress()).isEqualTo("203.0.113.9");
    assertThat(forwarded.secure()).isTrue();
    assertThat(forwarded.host()).isEqualTo("portal.example");
    assertThat(forwarded.port()).isEqualTo(443);
    assertThat(forwarded.origin()).isEqualTo("https://portal.example");
  }

  @Test
  void theBrowsersPortComesFromTheForwardedHostThenThePortHeaderThenThePassedOnHost() {
    FakeRequest base = new FakeRequest("10.0.0.2", "http", "portal.example", 8443);

    ForwardedRequest inHost =
        ForwardedRequest.of(
            base.header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "portal.example:8443")
                .build(),
            PROXY);
    ForwardedRequest inPortHeader =
        ForwardedRequest.of(
            new FakeRequest("10.0.0.2", "http", "portal.example", 8080)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "9443")
                .build(),
            PROXY);
    ForwardedRequest inHostHeader =
        ForwardedRequest.of(
            new FakeRequest("10.0.0.2", "http", "portal.example", 8080)
                .header("Host", "portal.example:7443")
                .header("X-Forwarded-Proto", "https")
                .build(),
            PROXY);

    assertThat(inHost.origin()).isEqualTo("https://portal.example:8443");
    assertThat(inPortHeader.origin()).isEqualTo("https://portal.example:9443");
    assertThat(inHostHeader.origin()).isEqualTo("https://portal.example:7443");
  }

  @Test
  void theClientIsTheNearestAddressThatIsNotATrustedProxy() {
    HttpServletRequest request =
        new FakeRequest("10.0.0.2", "http", "portal.example", 80)
            // the client wrote in the first address itself; the outer proxy added the second
            .header("X-Forwarded-For", "198.51.100.66, 203.0.113.9")
            .header("X-Forwarded-For", "10.1.2.3")
            .build();

    ForwardedRequest forwarded = ForwardedRequest.of(request, List.of("10.0.0.0/8"));

    assertThat(forwarded.clientAddress()).isEqualTo("203.0.113.9");
  }

  @Test
  void aHopThatIsNoAddressStopsTheSearchAtTheProxyThatWroteIt() {
    HttpServletRequest request =
        new FakeRequest("10.0.0.2", "http", "portal.example", 80)
            .header("X-Forwarded-For", "203.0.113.9, unknown, 10.0.0.3")
            .build();

    ForwardedRequest forwarded = ForwardedRequest.of(request, List.of("10.0.0.0/24"));

    assertThat(forwarded.clientAddress()).isEqualTo("10.0.0.3");
  }

  @Test
  void forwardedAddressesMayCarryPortsAndBeIpv6() {
    HttpServletRequest request =
        new FakeRequest("0:0:0:0:0:0:0:1", "http", "portal.example", 80)
            .header("X-Forwarded-For", "[2001:db8::7]:51234, 203.0.113.9:4711")
            .build();

    ForwardedRequest forwarded = ForwardedRequest.of(request, List.of("::1", "203.0.113.0/24"));

    assertThat(forwarded.clientAddress()).isEqualTo("2001:db8:0:0:0:0:0:7");
  }

  @Test
  void theLastValueOfTheSchemeAndHostHeadersIsTheNearestProxys() {
    HttpServletRequest request =
        new FakeRequest("10.0.0.2", "http", "portal.example", 80)
            .header("X-Forwarded-Proto", "http, https")
            .header("X-Forwarded-Host", "evil.example, portal.example")
            .build();

    ForwardedRequest forwarded = ForwardedRequest.of(request, PROXY);

    assertThat(forwarded.origin()).isEqualTo("https://portal.example");
  }

  @Test
  void malformedForwardingHeadersAreIgnored() {
    HttpServletRequest request =
        new FakeRequest("10.0.0.2", "http", "portal.example", 8080)
            .header("X-Forwarded-Proto", "javascript")
            .header("X-Forwarded-Host", "evil.example/path")
            .header("X-Forwarded-Port", "99999")
            .build();

    ForwardedRequest forwarded = ForwardedRequest.of(request, PROXY);

    assertThat(forwarded.secure()).isFalse();
    assertThat(forwarded.origin()).isEqualTo("http://portal.example:8080");
  }

  @Test
  void aDirectHttpsConnectionIsSecureWithoutAnyProxy() {
    HttpServletRequest request =
        new FakeRequest("203.0.113.9", "https", "Portal.Example", 443).build();

    ForwardedRequest forwarded = ForwardedRequest.of(request, List.of());

    assertThat(forwarded.secure()).isTrue();
    assertThat(forwarded.origin()).isEqualTo("https://portal.example");
  }

  @Test
  void anIpv6HostIsWrittenInBracketsInTheOrigin() {
    HttpServletRequest request = new FakeRequest("::1", "http", "::1", 8080).build();

    assertThat(ForwardedRequest.of(request, List.of()).origin()).isEqualTo("http://[::1]:8080");
  }

  @Test
  void onlyWrittenOutAddressesAreParsedNeverHostNames() {
    assertThat(ForwardedRequest.address("192.0.2.1")).isPresent();
    assertThat(ForwardedRequest.address("2001:db8::1")).isPresent();
    assertThat(ForwardedRequest.address("localhost")).isEmpty();
    assertThat(ForwardedRequest.address("300.0.0.1")).isEmpty();
    assertThat(ForwardedRequest.address("1:2")).isEmpty();
  }
}
