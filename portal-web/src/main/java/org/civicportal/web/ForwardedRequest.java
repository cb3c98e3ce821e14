package org.civicportal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicportal.persistence.control.PortalSettings;

/**
 * What the browser saw of a request that may have passed through reverse proxies: the client's
 * address, whether it used HTTPS, and the origin (scheme, host, port) it addressed.
 *
 * <p>{@code X-Forwarded-For}, {@code X-Forwarded-Proto}, {@code X-Forwarded-Host} and {@code
 * X-Forwarded-Port} are believed only when the connection comes from a proxy listed in {@code
 * PORTAL_TRUSTED_PROXIES}; otherwise, and for any of them that is missing or malformed, the
 * connection's own values stand. The client is the nearest address in {@code X-Forwarded-For} that
 * is not itself a trusted proxy (read from the right, so an address the client wrote in never
 * counts). Of several {@code X-Forwarded-Proto}, {@code -Host} or {@code -Port} values the last,
 * the nearest proxy's, is taken: each proxy must set these headers, not add to them.
 */
public final class ForwardedRequest {
  private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(?:\\.[0-9]{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  /** A host as a Host header names it: a name, an IPv4 address or a bracketed IPv6 address. */
  private static final Pattern HOST =
      Pattern.compile(
          "([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\])(?::([0-9]{1,5}))?");

  private static volatile Proxies proxies = new Proxies(List.of(), List.of());

  private final String clientAddress;
  private final String scheme;
  private final String host;
  private final int port;

  private ForwardedRequest(String clientAddress, String scheme, String host, int port) {
    this.clientAddress = clientAddress;
    this.scheme = scheme;
    this.host = host;
    this.port = port;
  }

  /** The request as the browser sent it, believing the proxies of this process's settings. */
  public static ForwardedRequest of(HttpServletRequest request) {
    return of(request, PortalSettings.current().trustedProxies());
  }

  /** The request as the browser sent it, believing the given proxies (addresses or blocks). */
  static ForwardedRequest of(HttpServletRequest request, List<String> trustedProxies) {
    Proxies trusted = proxies;
    if (!trusted.entries().equals(trustedProxies)) {
      trusted = Proxies.of(trustedProxies);
      proxies = trusted;
    }
    String peer = request.getRemoteAddr();
    String connectionHost = bracketed(request.getServerName().toLowerCase(Locale.ROOT));
    if (!trusted.contains(peer)) {
      return new ForwardedRequest(
          peer, request.getScheme(), connectionHost, request.getServerPort());
    }
    String client = client(peer, values(request, "X-Forwarded-For"), trusted);
    String proto = last(request, "X-Forwarded-Proto").toLowerCase(Locale.ROOT);
    Matcher forwardedHost = HOST.matcher(last(request, "X-Forwarded-Host"));
    String forwardedPort = last(request, "X-Forwarded-Port");
    boolean forwarded = proto.equals("http") || proto.equals("https");
    String scheme = forwarded ? proto : request.getScheme();
    String host = connectionHost;
    Integer port = null;
    if (forwardedHost.matches()) {
      forwarded = true;
      host = bracketed(forwardedHost.group(1).toLowerCase(Locale.ROOT));
      port = port(forwardedHost.group(2));
    }
    if (port == null && port(forwardedPort) != null) {
      forwarded = true;
      port = port(forwardedPort);
    }
    if (!forwarded) {
      return new ForwardedRequest(client, scheme, host, request.getServerPort());
    }
    if (port == null && !forwardedHost.matches()) {
      // the proxy passed the Host header on: a port written there is the browser's
      Matcher hostHeader = HOST.matcher(Optional.ofNullable(request.getHeader("Host")).orElse(""));
      port = hostHeader.matches() ? port(hostHeader.group(2)) : null;
    }
    return new ForwardedRequest(client, scheme, host, port != null ? port : defaultPort(scheme));
  }

  /** The address of the client: the connection's, or the one the trusted proxies name. */
  public String clientAddress() {
    return clientAddress;
  }

  /** Whether the browser used HTTPS (to this server, or to a trusted proxy in front of it). */
  public boolean secure() {
    return scheme.equals("https");
  }

  public String scheme() {
    return scheme;
  }

  /** The host name the browser addressed, in lower case (an IPv6 address in brackets). */
  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  /** The origin the browser addressed, serialized as browsers send it in {@code Origin}. */
  public String origin() {
    return scheme + "://" + host + (port == defaultPort(scheme) ? "" : ":" + port);
  }

  /** The default port of a scheme, or -1 for none. */
  public static int defaultPort(String scheme) {
    return switch (scheme) {
      case "http" -> 80;
      case "https" -> 443;
      default -> -1;
    };
  }

  private static String client(String peer, List<String> hops, Proxies trusted) {
    String client = peer;
    for (int i = hops.size() - 1; i >= 0; i--) {
      Optional<InetAddress> hop = address(withoutPort(hops.get(i)));
      if (hop.isEmpty()) {
        // not an address ("unknown", a name): the proxy that wrote it is as far as we can see
        break;
      }
      client = hop.get().getHostAddress();
      if (!trusted.contains(hop.get())) {
        break;
      }
    }
    return client;
  }

  private static String withoutPort(String hop) {
    if (hop.startsWith("[") && hop.contains("]")) {
      return hop.substring(1, hop.indexOf(']'));
    }
    int colon = hop.indexOf(':');
    return colon > 0 && hop.indexOf(':', colon + 1) < 0 ? hop.substring(0, colon) : hop;
  }

  private static List<String> values(HttpServletRequest request, String header) {
    List<String> values = new ArrayList<>();
    for (String line : Collections.list(request.getHeaders(header))) {
      for (String value : line.split(",")) {
        if (!value.isBlank()) {
          values.add(value.strip());
        }
      }
    }
    return values;
  }

  private static String last(HttpServletRequest request, String header) {
    List<String> values = values(request, header);
    return values.isEmpty() ? "" : values.get(values.size() - 1);
  }

  private static Integer port(String digits) {
    if (digits == null || !digits.matches("[0-9]{1,5}")) {
      return null;
    }
    int port = Integer.parseInt(digits);
    return port >= 1 && port <= 65535 ? port : null;
  }

  private static String bracketed(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /**
   * An IP address written out; never a host name, so that nothing here asks the DNS (an IPv4 text
   * is checked octet by octet before it is parsed, and Java parses text with a colon only as IPv6).
   */
  static Optional<InetAddress> address(String text) {
    if (IPV4.matcher(text).matches()) {
      for (String octet : text.split("\\.")) {
        if (Integer.parseInt(octet) > 255) {
          return Optional.empty();
        }
      }
    } else if (!IPV6.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(text));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** The trusted proxies, parsed once per value of the setting. */
  private record Proxies(List<String> entries, List<Block> blocks) {
    static Proxies of(List<String> entries) {
      List<Block> blocks = new ArrayList<>();
      for (String entry : entries) {
        int slash = entry.indexOf('/');
        Optional<InetAddress> address = address(slash < 0 ? entry : entry.substring(0, slash));
        if (address.isEmpty()) {
          throw new IllegalArgumentException("not an IP address: " + entry);
        }
        int bits = address.get().getAddress().length * 8;
        int prefix = slash < 0 ? bits : Integer.parseInt(entry.substring(slash + 1));
        blocks.add(new Block(address.get().getAddress(), Math.min(prefix, bits)));
      }
      return new Proxies(List.copyOf(entries), List.copyOf(blocks));
    }

    boolean contains(String address) {
      return !blocks.isEmpty() && address(address).map(this::contains).orElse(false);
    }

    boolean contains(InetAddress address) {
      return blocks.stream().anyMatch(b -> b.contains(address.getAddress()));
    }
  }

  /** A block of addresses: the first {@code prefix} bits of {@code network}. */
  private record Block(byte[] network, int prefix) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      for (int bit = 0; bit < prefix; bit++) {
        int mask = 0x80 >>> (bit % 8);
        if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }
}
