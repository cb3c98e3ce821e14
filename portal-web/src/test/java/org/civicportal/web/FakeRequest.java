package org.civicportal.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of a servlet request that the request-reading plumbing uses (connection, method, path,
 * headers, cookies), for plain unit tests; anything else it is asked fails the test.
 */
public final class FakeRequest {
  private final String peer;
  private final String scheme;
  private final String serverName;
  private final int serverPort;
  private final Map<String, List<String>> headers = new LinkedHashMap<>();
  private final List<Cookie> cookies = new ArrayList<>();
  private String method = "GET";
  private String uri = "/";

  public FakeRequest(String peer, String scheme, String serverName, int serverPort) {
    this.peer = peer;
    this.scheme = scheme;
    this.serverName = serverName;
    this.serverPort = serverPort;
  }

  public FakeRequest header(String name, String value) {
    headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(value);
    return this;
  }

  public FakeRequest cookie(String name, String value) {
    cookies.add(new Cookie(name, value));
    return this;
  }

  public FakeRequest method(String method, String uri) {
    this.method = method;
    this.uri = uri;
    return this;
  }

  public HttpServletRequest build() {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            HttpServletRequest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, called, args) ->
                switch (called.getName()) {
                  case "getRemoteAddr" -> peer;
                  case "getScheme" -> scheme;
                  case "isSecure" -> scheme.equals("https");
                  case "getServerName" -> serverName;
                  case "getServerPort" -> serverPort;
                  case "getMethod" -> method;
                  case "getRequestURI" -> uri;
                  case "getContextPath" -> "";
                  case "getCookies" -> cookies.isEmpty() ? null : cookies.toArray(Cookie[]::new);
                  case "getHeader" ->
                      headers.getOrDefault(lower(args[0]), List.of()).stream()
                          .findFirst()
                          .orElse(null);
                  case "getHeaders" ->
                      Collections.enumeration(headers.getOrDefault(lower(args[0]), List.of()));
                  case "toString" -> method + " " + uri;
                  default -> throw new UnsupportedOperationException(called.getName());
                });
  }

  private static String lower(Object name) {
    return ((String) name).toLowerCase(Locale.ROOT);
  }
}
