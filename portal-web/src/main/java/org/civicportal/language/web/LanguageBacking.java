package org.civicportal.language.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civicportal.language.api.ContentLanguages;
import org.civicportal.web.PreferenceCookies;

/**
 * The language of the page being rendered: {@code ?lang=} (remembered in a cookie), else the
 * cookie, else the browser's Accept-Language, else English. A page showing content in one language
 * (a service page) pins the page to that language and supplies the addresses of its other
 * translations.
 */
@Named("language")
@RequestScoped
public class LanguageBacking {
  static final String COOKIE = "civic_lang";
  private static final Map<String, String> LABELS =
      Map.of("en", "English", "fr", "Français", "ar", "العربية");

  /**
   * The languages pages are written in (those with message bundles); content and search may be in
   * more ({@link ContentLanguages#SUPPORTED}).
   */
  public static final List<String> PAGE_LANGUAGES = List.of("en", "fr", "ar");

  private static final java.util.Set<String> RIGHT_TO_LEFT = java.util.Set.of("ar");

  @Inject HttpServletRequest request;

  private String code;
  private final Map<String, String> alternates = new LinkedHashMap<>();

  public String getCode() {
    if (code == null) {
      code = chosen();
    }
    return code;
  }

  public Locale getLocale() {
    return Locale.forLanguageTag(getCode());
  }

  /** {@code rtl} for right-to-left languages (Arabic), else {@code ltr}. */
  public String getDirection() {
    return directionOf(getCode());
  }

  /** The writing direction of text in a language: {@code rtl} or {@code ltr}. */
  public String directionOf(String languageCode) {
    return RIGHT_TO_LEFT.contains(languageCode) ? "rtl" : "ltr";
  }

  /** A language's name in the page's language, e.g. "English" or "الإنجليزية". */
  public String nameOf(String languageCode) {
    return Locale.forLanguageTag(languageCode).getDisplayLanguage(getLocale());
  }

  /**
   * Pins the page to the language of the content it shows, with the addresses of the other
   * translations.
   */
  public void pin(String language, Map<String, String> urlsByLanguage) {
    code = language;
    alternates.clear();
    alternates.putAll(urlsByLanguage);
  }

  public List<Choice> getChoices() {
    List<Choice> choices = new ArrayList<>();
    for (String lang : PAGE_LANGUAGES) {
      String url = alternates.getOrDefault(lang, currentPathWith("lang", lang));
      choices.add(new Choice(lang, LABELS.get(lang), url, lang.equals(getCode())));
    }
    return Collections.unmodifiableList(choices);
  }

  private String chosen() {
    String asked = request.getParameter("lang");
    if (asked != null && PAGE_LANGUAGES.contains(asked)) {
      PreferenceCookies.remember(request, COOKIE, asked);
    }
    return of(request);
  }

  /**
   * The language a request's page is in: {@code ?lang=}, else the remembered choice, else
   * Accept-Language, else English. The one rule, for pages and for the page cache's key.
   */
  public static String of(HttpServletRequest request) {
    String asked = request.getParameter("lang");
    if (asked != null && PAGE_LANGUAGES.contains(asked)) {
      return asked;
    }
    return PreferenceCookies.read(request, COOKIE)
        .filter(PAGE_LANGUAGES::contains)
        .orElseGet(
            () ->
                Collections.list(request.getLocales()).stream()
                    .map(java.util.Locale::getLanguage)
                    .filter(PAGE_LANGUAGES::contains)
                    .findFirst()
                    .orElse(PAGE_LANGUAGES.get(0)));
  }

  /**
   * The address the visitor asked for (not the view it was forwarded to) with one parameter set
   * ({@code lang} or {@code contrast}); the search text is kept.
   */
  public String currentPathWith(String name, String value) {
    Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
    String path =
        failed != null
            ? failed.toString()
            : forwarded != null ? forwarded.toString() : request.getRequestURI();
    if (!path.startsWith("/") || path.startsWith("//")) {
      // never let a crafted address turn the switcher into a link to another site
      path = request.getContextPath() + "/";
    }
    StringBuilder url = new StringBuilder(path).append("?");
    String q = request.getParameter("q");
    if (q != null && failed == null) {
      url.append("q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8)).append("&");
    }
    return url.append(name).append("=").append(value).toString();
  }

  /** One entry of the language switcher. */
  public record Choice(String code, String label, String url, boolean current) {}
}
