package org.civicportal.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A response that carries the portal's security headers (set at once, and again after a reset) and
 * whose cookies are all {@code HttpOnly}, {@code SameSite=Lax} and, over HTTPS, {@code Secure}.
 *
 * <p>Cookies the application sets are completed as they are set. The container's session cookie is
 * added by the container itself, out of the application's reach, when a session is created or its
 * id changes; so before the response commits (its first byte of body, a flush, a redirect, an
 * error, or the end of the request) the {@code Set-Cookie} headers are completed again whenever the
 * session has changed since they last were. The default policy is set at that point too, unless the
 * page set its own (PrimeFaces does, with its nonce) or an error page is to follow (it sets its own
 * on the error dispatch).
 */
final class HardenedResponse extends HttpServletResponseWrapper {
  static final String POLICY = "Content-Security-Policy";
  static final String HSTS = "max-age=31536000";
  private static final String SET_COOKIE = "Set-Cookie";

  private final HttpServletRequest request;
  private final boolean secure;
  private final String policy;
  private boolean bodyStarted;
  private boolean errorFollows;
  private String completedSession;
  private ServletOutputStream stream;
  private PrintWriter writer;

  HardenedResponse(
      HttpServletRequest request, HttpServletResponse response, boolean secure, String policy) {
    super(response);
    this.request = request;
    this.secure = secure;
    this.policy = policy;
    setSecurityHeaders();
  }

  private void setSecurityHeaders() {
    super.setHeader("X-Content-Type-Options", "nosniff");
    super.setHeader("Referrer-Policy", "same-origin");
    super.setHeader("X-Frame-Options", "DENY");
    if (secure) {
      super.setHeader("Strict-Transport-Security", HSTS);
    }
  }

  /** Completes the cookies and the policy, unless the response has already gone. */
  void beforeCommit() {
    if (isCommitted()) {
      return;
    }
    if (!errorFollows && getHeader(POLICY) == null && !isPdf()) {
      super.setHeader(POLICY, policy);
    }
    List<String> cookies = new ArrayList<>(getHeaders(SET_COOKIE));
    List<String> completed = cookies.stream().map(c -> complete(c, secure)).toList();
    if (!completed.equals(cookies)) {
      super.setHeader(SET_COOKIE, completed.get(0));
      for (String cookie : completed.subList(1, completed.size())) {
        super.addHeader(SET_COOKIE, cookie);
      }
    }
    completedSession = sessionId();
  }

  /**
   * A PDF (a request's receipt) goes without the policy: a browser shows it with a built-in viewer
   * that {@code object-src 'none'} could stop, it runs none of the portal's scripts, and {@code
   * nosniff} keeps it from being read as anything but a PDF.
   */
  private boolean isPdf() {
    String type = getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/pdf");
  }

  /** At each write: the first one, and any after the session changed, may be the last chance. */
  private void beforeBody() {
    if (!bodyStarted || !Objects.equals(completedSession, sessionId())) {
      bodyStarted = true;
      beforeCommit();
    }
  }

  private String sessionId() {
    HttpSession session = request.getSession(false);
    return session == null ? null : session.getId();
  }

  /** A {@code Set-Cookie} value with the attributes it lacks. */
  static String complete(String setCookie, boolean secure) {
    List<String> attributes = new ArrayList<>();
    String[] parts = setCookie.split(";");
    for (int i = 1; i < parts.length; i++) {
      String name = parts[i].strip();
      int equals = name.indexOf('=');
      attributes.add((equals < 0 ? name : name.substring(0, equals)).toLowerCase(Locale.ROOT));
    }
    StringBuilder completed = new StringBuilder(setCookie);
    if (!attributes.contains("httponly")) {
      completed.append("; HttpOnly");
    }
    if (!attributes.contains("samesite")) {
      completed.append("; SameSite=Lax");
    }
    if (secure && !attributes.contains("secure")) {
      completed.append("; Secure");
    }
    return completed.toString();
  }

  @Override
  public void addCookie(Cookie cookie) {
    cookie.setHttpOnly(true);
    if (cookie.getAttribute("SameSite") == null) {
      cookie.setAttribute("SameSite", "Lax");
    }
    if (secure) {
      cookie.setSecure(true);
    }
    super.addCookie(cookie);
  }

  @Override
  public void setHeader(String name, String value) {
    super.setHeader(name, SET_COOKIE.equalsIgnoreCase(name) ? complete(value, secure) : value);
  }

  @Override
  public void addHeader(String name, String value) {
    super.addHeader(name, SET_COOKIE.equalsIgnoreCase(name) ? complete(value, secure) : value);
  }

  @Override
  public void reset() {
    super.reset();
    bodyStarted = false;
    errorFollows = false;
    setSecurityHeaders();
  }

  @Override
  public void flushBuffer() throws IOException {
    beforeCommit();
    super.flushBuffer();
  }

  @Override
  public void sendRedirect(String location) throws IOException {
    beforeCommit();
    super.sendRedirect(location);
  }

  @Override
  public void sendError(int status, String message) throws IOException {
    errorFollows = true;
    beforeCommit();
    super.sendError(status, message);
  }

  @Override
  public void sendError(int status) throws IOException {
    errorFollows = true;
    beforeCommit();
    super.sendError(status);
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    if (stream == null) {
      stream = new Stream(super.getOutputStream());
    }
    return stream;
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    if (writer == null) {
      writer = new Writer(super.getWriter());
    }
    return writer;
  }

  private final class Stream extends ServletOutputStream {
    private final ServletOutputStream out;

    Stream(ServletOutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      beforeBody();
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      beforeBody();
      out.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      beforeBody();
      out.flush();
    }

    @Override
    public void close() throws IOException {
      beforeBody();
      out.close();
    }

    @Override
    public boolean isReady() {
      return out.isReady();
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      out.setWriteListener(listener);
    }
  }

  private final class Writer extends PrintWriter {
    private final PrintWriter target;

    Writer(PrintWriter target) {
      super(target);
      this.target = target;
    }

    @Override
    public void write(int c) {
      beforeBody();
      target.write(c);
    }

    @Override
    public void write(char[] buf, int off, int len) {
      beforeBody();
      target.write(buf, off, len);
    }

    @Override
    public void write(String s, int off, int len) {
      beforeBody();
      target.write(s, off, len);
    }

    @Override
    public void flush() {
      beforeBody();
      target.flush();
    }

    @Override
    public void close() {
      beforeBody();
      target.close();
    }

    @Override
    public boolean checkError() {
      return target.checkError();
    }
  }
}
