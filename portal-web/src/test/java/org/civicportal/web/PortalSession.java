package org.civicportal.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
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
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One visitor of the portal as a browser is one: a cookie jar, signed in on the sign-in page (or
 * not at all), sending the same-origin {@code Origin} header a browser sends with every form and
 * script request. It reads the forms of a page so that they can be posted back with their view
 * state, one field changed.
 */
public final class PortalSession {
  private static final Pattern FORM =
      Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.DOTALL);
  private static final Pattern BUTTON = Pattern.compile("<button\\b([^>]*)>", Pattern.DOTALL);
  private static final Pattern TEXTAREA =
      Pattern.compile("<textarea\\b([^>]*)>(.*?)</textarea>", Pattern.DOTALL);
  private static final Pattern SELECT =
      Pattern.compile("<select\\b([^>]*)>(.*?)</select>", Pattern.DOTALL);
  private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>", Pattern.DOTALL);
  private static final Pattern ATTRIBUTE =
      Pattern.compile("([a-zA-Z_:][-a-zA-Z0-9_:.]*)\\s*=\\s*\"([^\"]*)\"");

  private final URL base;
  private final String origin;
  private final HttpClient client;

  private PortalSession(URL base) {
    this.base = base;
    this.origin = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** A visitor who has not signed in. */
  public static PortalSession anonymous(URL base) {
    return new PortalSession(base);
  }

  /** A visitor signed in on the sign-in page as this demo user. */
  public static PortalSession signedIn(URL base, String username, String password) {
    PortalSession session = new PortalSession(base);
    Form login = session.form(session.get("login"), "loginForm");
    HttpResponse<String> done =
        session.post(
            login.with("loginForm:username", username).with("loginForm:password", password));
    if (done.statusCode() != 302) {
      throw new IllegalStateException(username + " could not sign in: " + done.statusCode());
    }
    return session;
  }

  public URI uri(String path) {
    return URI.create(base.toString()).resolve(path);
  }

  public HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    return send(request, headers);
  }

  public HttpResponse<byte[]> getBytes(String path) {
    try {
      return client.send(
          HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A request with a body, from this site's own pages or scripts (same-origin). */
  public HttpResponse<String> send(
      String method, String path, String contentType, String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .header("Origin", origin)
            .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return send(request, headers);
  }

  public HttpResponse<String> json(String method, String path, String json, String... headers) {
    return send(method, path, "application/json", json, headers);
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
    request.timeout(Duration.ofSeconds(60));
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Posts a form as a browser does: urlencoded, or multipart when the form says so. */
  public HttpResponse<String> post(Form form) {
    if (form.multipart()) {
      String boundary = "----civic" + UUID.randomUUID();
      StringBuilder body = new StringBuilder();
      for (Map.Entry<String, List<String>> field : form.fields().entrySet()) {
        for (String value : field.getValue()) {
          body.append("--").append(boundary).append("\r\n");
          if (form.files().contains(field.getKey())) {
            body.append("Content-Disposition: form-data; name=\"")
                .append(field.getKey())
                .append("\"; filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n");
          } else {
            body.append("Content-Disposition: form-data; name=\"")
                .append(field.getKey())
                .append("\"\r\n\r\n")
                .append(value);
          }
          body.append("\r\n");
        }
      }
      body.append("--").append(boundary).append("--\r\n");
      return send(
          "POST", form.action(), "multipart/form-data; boundary=" + boundary, body.toString());
    }
    String body =
        form.fields().entrySet().stream()
            .flatMap(
                e ->
                    e.getValue().stream()
                        .map(
                            v ->
                                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                                    + "="
                                    + URLEncoder.encode(v, StandardCharsets.UTF_8)))
            .collect(Collectors.joining("&"));
    return send("POST", form.action(), "application/x-www-form-urlencoded", body);
  }

  /** The form of this id on the page, as a browser would send it with its first button. */
  public Form form(HttpResponse<String> page, String id) {
    return forms(page).stream()
        .filter(f -> f.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no form " + id + " on " + page.uri()));
  }

  /** Every form of the page that posts. */
  public List<Form> forms(HttpResponse<String> page) {
    List<Form> forms = new ArrayList<>();
    Matcher f = FORM.matcher(page.body());
    while (f.find()) {
      Map<String, String> attributes = attributes(f.group(1));
      if (!"post".equalsIgnoreCase(attributes.getOrDefault("method", "get"))) {
        continue;
      }
      forms.add(Form.parse(attributes, f.group(2), page.uri()));
    }
    return forms;
  }

  static Map<String, String> attributes(String tag) {
    Map<String, String> attributes = new LinkedHashMap<>();
    Matcher a = ATTRIBUTE.matcher(tag);
    while (a.find()) {
      attributes.put(a.group(1).toLowerCase(java.util.Locale.ROOT), unescape(a.group(2)));
    }
    if (tag.matches("(?s).*\\s(checked|selected)(\\s.*|/?)$")) {
      attributes.putIfAbsent("checked", "checked");
    }
    return attributes;
  }

  static String unescape(String html) {
    return html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  /**
   * A form's fields as a browser would send them; {@code editable} names the fields a person can
   * type or choose in (text, textarea, select, checkbox, radio), {@code hidden} the others.
   */
  public record Form(
      String id,
      String action,
      boolean multipart,
      Map<String, List<String>> fields,
      List<String> editable,
      List<String> hidden,
      List<String> files,
      String button) {

    static Form parse(Map<String, String> attributes, String html, URI page) {
      Map<String, List<String>> fields = new LinkedHashMap<>();
      List<String> editable = new ArrayList<>();
      List<String> hidden = new ArrayList<>();
      List<String> files = new ArrayList<>();
      boolean buttonChosen = false;
      String button = null;
      Matcher i = INPUT.matcher(html);
      while (i.find()) {
        Map<String, String> a = attributes(i.group(1));
        String name = a.get("name");
        String type = a.getOrDefault("type", "text").toLowerCase(java.util.Locale.ROOT);
        if (name == null || a.containsKey("disabled")) {
          continue;
        }
        switch (type) {
          case "submit", "image" -> {
            if (!buttonChosen) {
              fields.put(name, List.of(a.getOrDefault("value", "")));
              buttonChosen = true;
              button = name;
            }
          }
          case "button", "reset" -> {}
          case "checkbox", "radio" -> {
            if (!editable.contains(name)) {
              editable.add(name);
            }
            if (a.containsKey("checked")) {
              fields
                  .computeIfAbsent(name, k -> new ArrayList<>())
                  .add(a.getOrDefault("value", "on"));
            }
          }
          case "file" -> {
            files.add(name);
            fields.put(name, List.of(""));
          }
          case "hidden" -> {
            hidden.add(name);
            fields.put(name, List.of(a.getOrDefault("value", "")));
          }
          default -> {
            editable.add(name);
            fields.put(name, List.of(a.getOrDefault("value", "")));
          }
        }
      }
      Matcher b = BUTTON.matcher(html);
      while (b.find() && !buttonChosen) {
        Map<String, String> a = attributes(b.group(1));
        if (a.get("name") != null && !"button".equals(a.get("type"))) {
          fields.put(a.get("name"), List.of(a.getOrDefault("value", a.get("name"))));
          buttonChosen = true;
          button = a.get("name");
        }
      }
      Matcher t = TEXTAREA.matcher(html);
      while (t.find()) {
        String name = attributes(t.group(1)).get("name");
        if (name != null) {
          editable.add(name);
          fields.put(name, List.of(unescape(t.group(2))));
        }
      }
      Matcher s = SELECT.matcher(html);
      while (s.find()) {
        String name = attributes(s.group(1)).get("name");
        if (name == null) {
          continue;
        }
        editable.add(name);
        String chosen = null;
        Matcher o = OPTION.matcher(s.group(2));
        while (o.find()) {
          Map<String, String> a = attributes(o.group(1));
          if (chosen == null || a.containsKey("checked")) {
            chosen = a.getOrDefault("value", "");
          }
        }
        fields.put(name, List.of(chosen == null ? "" : chosen));
      }
      String action = page.resolve(attributes.getOrDefault("action", page.getPath())).getPath();
      return new Form(
          attributes.getOrDefault("id", ""),
          action,
          "multipart/form-data".equalsIgnoreCase(attributes.get("enctype")),
          fields,
          editable,
          hidden,
          files,
          button);
    }

    /** The same form with one field set to this value. */
    public Form with(String name, String value) {
      Map<String, List<String>> changed = new LinkedHashMap<>(fields);
      changed.put(name, List.of(value));
      return new Form(id, action, multipart, changed, editable, hidden, files, button);
    }

    /** The same form sent with this button instead of the first. */
    public Form pressing(String name) {
      Map<String, List<String>> changed = new LinkedHashMap<>(fields);
      if (button != null) {
        changed.remove(button);
      }
      changed.put(name, List.of(name));
      return new Form(id, action, multipart, changed, editable, hidden, files, name);
    }
  }
}
