package org.civicportal.catalog.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.civicportal.catalog.control.CatalogueCache;
import org.civicportal.language.web.LanguageBacking;
import org.civicportal.tenant.control.CurrentTenant;
import org.civicportal.tenant.web.ThemeBacking;
import org.civicportal.web.PreferenceCookies;

/**
 * Keeps the rendered HTML of the citizens' catalogue pages (home, A to Z, service pages) for
 * anonymous visitors, the way a reverse proxy would, so that the pages most people read cost a
 * lookup rather than a render. Such a page depends only on the tenant, the address, the visitor's
 * language and contrast choices (cookies, Accept-Language) and what is published; a publication or
 * a branding change on this node makes every kept page stale, and a page is kept {@link
 * #TIME_TO_LIVE} at most (so another node's change shows within that time). Nothing is kept for a
 * request with a session or credentials, or for a response that is not a plain 200 page or that
 * sets a cookie.
 *
 * <p>Mapped in {@code web.xml} right after the tenant filter, so that it runs before {@code
 * ServicePaths} forwards {@code /services/{slug}} to its view.
 */
@WebFilter(filterName = "PublicPageCache")
public class PublicPageCache extends HttpFilter {
  private static final long serialVersionUID = 1L;
  static final Duration TIME_TO_LIVE = Duration.ofSeconds(30);
  static final int MAX_PAGES = 20_000;
  static final int MAX_PAGE_BYTES = 2 * 1024 * 1024;
  static final long MAX_BYTES = 128L * 1024 * 1024;
  private static final String POLICY = "Content-Security-Policy";
  private static final Set<String> PARAMETERS = Set.of("lang", "category", "agency");
  private static final java.util.regex.Pattern CODE =
      java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

  @Inject transient CatalogueCache catalogue;

  private final transient Map<String, Page> pages = new ConcurrentHashMap<>();
  private final transient java.util.concurrent.atomic.AtomicLong bytes =
      new java.util.concurrent.atomic.AtomicLong();

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String key = key(request);
    if (key == null) {
      chain.doFilter(request, response);
      return;
    }
    long generation = catalogue.generation();
    long now = System.nanoTime();
    Page page = pages.get(key);
    if (page != null && page.generation() == generation && now < page.expires()) {
      response.setContentType(page.contentType());
      if (page.policy() != null) {
        response.setHeader(POLICY, page.policy());
      }
      response.setHeader("X-Page-Cache", "hit");
      response.setContentLength(page.body().length);
      response.getOutputStream().write(page.body());
      return;
    }
    Capture capture = new Capture(response);
    chain.doFilter(request, capture);
    byte[] body = capture.body();
    if (capture.passedThrough) {
      return;
    }
    if (capture.cacheable()) {
      if (pages.size() >= MAX_PAGES) {
        pages.clear();
      }
      pages.put(
          key,
          new Page(
              body,
              capture.getContentType(),
              capture.getHeader(POLICY),
              generation,
              now + TIME_TO_LIVE.toNanos()));
    }
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /**
   * The cache key of a request whose page may be kept, or null. The key holds only what the page
   * depends on, resolved: the language the page will be in (from {@code ?lang=}, the cookie or
   * Accept-Language, as {@code LanguageBacking} picks it) and whether it is high contrast; a query
   * with anything but {@code lang}, {@code category} and {@code agency} (short codes) is not kept,
   * so that nobody can fill the memory with copies of one page.
   */
  static String key(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod())
        || request.getHeader("Authorization") != null
        || request.getRequestedSessionId() != null
        || !CurrentTenant.isSet()) {
      return null;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean catalogue =
        path.equals("/")
            || path.equals("/catalogue")
            || path.startsWith("/services/")
                && path.length() <= "/services/".length() + 120
                && path.indexOf('/', "/services/".length()) < 0;
    if (!catalogue) {
      return null;
    }
    StringBuilder key = new StringBuilder(CurrentTenant.code()).append(' ').append(path);
    for (String name : java.util.Collections.list(request.getParameterNames())) {
      if (!PARAMETERS.contains(name)) {
        return null;
      }
    }
    for (String name : List.of("category", "agency")) {
      String value = request.getParameter(name);
      if (value != null) {
        if (!CODE.matcher(value).matches()) {
          return null;
        }
        key.append(' ').append(name).append('=').append(value);
      }
    }
    String language = LanguageBacking.of(request);
    boolean highContrast =
        PreferenceCookies.read(request, ThemeBacking.COOKIE).map("high"::equals).orElse(false);
    return key.append(" lang=").append(language).append(highContrast ? " high" : "").toString();
  }

  /**
   * A kept page with the content security policy it was rendered with: its scripts carry that
   * policy's nonce. The nonce is then the same for every reader of the page for {@link
   * #TIME_TO_LIVE}; that is harmless, since a nonce guards against markup injected into a page and
   * everything in a kept page was fixed before its nonce was drawn (a kept page depends on no free
   * text of the request).
   */
  private record Page(
      byte[] body, String contentType, String policy, long generation, long expires) {}

  /** Buffers a response, and notes whatever makes it unfit to keep. */
  private static final class Capture extends HttpServletResponseWrapper {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(32 * 1024);
    private PrintWriter writer;
    private ServletOutputStream stream;
    private int status = SC_OK;
    private boolean setsCookie;
    boolean passedThrough;

    Capture(HttpServletResponse response) {
      super(response);
    }

    boolean cacheable() {
      String type = getContentType();
      return status == SC_OK
          && !setsCookie
          && type != null
          && type.startsWith("text/html")
          && buffer.size() <= MAX_PAGE_BYTES;
    }

    byte[] body() {
      if (writer != null) {
        writer.flush();
      }
      return buffer.toByteArray();
    }

    @Override
    public void setStatus(int sc) {
      status = sc;
      super.setStatus(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      passedThrough = true;
      status = sc;
      super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
      passedThrough = true;
      status = sc;
      super.sendError(sc);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
      passedThrough = true;
      status = SC_FOUND;
      super.sendRedirect(location);
    }

    @Override
    public void addCookie(Cookie cookie) {
      setsCookie = true;
      super.addCookie(cookie);
    }

    @Override
    public void setHeader(String name, String value) {
      if ("Set-Cookie".equalsIgnoreCase(name)) {
        setsCookie = true;
      }
      super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
      if ("Set-Cookie".equalsIgnoreCase(name)) {
        setsCookie = true;
      }
      super.addHeader(name, value);
    }

    @Override
    public void setContentLength(int len) {
      // the real length is set when the buffer is written
    }

    @Override
    public void setContentLengthLong(long len) {
      // the real length is set when the buffer is written
    }

    @Override
    public void flushBuffer() {
      // kept until the page is complete
    }

    @Override
    public ServletOutputStream getOutputStream() {
      if (stream == null) {
        stream =
            new ServletOutputStream() {
              @Override
              public void write(int b) {
                buffer.write(b);
              }

              @Override
              public void write(byte[] b, int off, int len) {
                buffer.write(b, off, len);
              }

              @Override
              public boolean isReady() {
                return true;
              }

              @Override
              public void setWriteListener(WriteListener listener) {
                // a memory buffer is always ready to take more
                try {
                  listener.onWritePossible();
                } catch (IOException e) {
                  listener.onError(e);
                }
              }
            };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() {
      if (writer == null) {
        String encoding = getCharacterEncoding();
        Charset charset =
            encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
        writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset));
      }
      return writer;
    }
  }
}
