package org.civicportal.catalog.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicportal.catalog.boundary.PublicServices;
import org.civicportal.catalog.boundary.PublicServices.ServicePage;
import org.civicportal.catalog.entity.Channel;
import org.civicportal.catalog.entity.ServiceTranslation;
import org.civicportal.catalog.web.CatalogueBacking.Group;
import org.civicportal.language.api.ContentLanguages;
import org.civicportal.language.web.LanguageBacking;

/**
 * A service page at {@code /services/{slug}}; an unknown or unpublished slug is a 404. The slug
 * names the language of the text. When {@code ?lang=} asks for another language, the visitor is
 * sent to the service's text in that language; if it has none, this text is shown under a notice,
 * in pages otherwise in the language asked for.
 */
@Named
@RequestScoped
public class ViewServiceBacking {
  @Inject PublicServices services;
  @Inject LanguageBacking language;
  @Inject FacesContext faces;
  @Inject HttpServletRequest request;
  @Inject CatalogueBacking catalogue;

  private String slug;
  private ServicePage page;
  private boolean fallback;
  private String requested;

  /** Loads the service before rendering, and pins the page to the service text's language. */
  public void load() throws IOException {
    ExternalContext external = faces.getExternalContext();
    page = services.page(slug).orElse(null);
    if (page == null) {
      external.responseSendError(404, "No such service");
      faces.responseComplete();
      return;
    }
    ServiceTranslation text = page.translation();
    String asked = request.getParameter("lang");
    if (asked != null
        && ContentLanguages.SUPPORTED.contains(asked)
        && !asked.equals(text.language())) {
      Optional<ServiceTranslation> wanted = text.service().translation(asked);
      if (wanted.isPresent()) {
        external.redirect(
            ServicePaths.of(external.getRequestContextPath(), wanted.get().slug())
                + "?lang="
                + asked);
        faces.responseComplete();
        return;
      }
      fallback = true;
      requested = asked;
    }
    Map<String, String> alternates = new LinkedHashMap<>();
    for (ServiceTranslation t : text.service().translations()) {
      alternates.put(
          t.language(),
          ServicePaths.of(external.getRequestContextPath(), t.slug()) + "?lang=" + t.language());
    }
    for (String other : ContentLanguages.SUPPORTED) {
      alternates.putIfAbsent(
          other, ServicePaths.of(external.getRequestContextPath(), text.slug()) + "?lang=" + other);
    }
    language.pin(fallback ? requested : text.language(), alternates);
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }

  public ServicePage getPage() {
    return page;
  }

  public boolean isFallback() {
    return fallback;
  }

  public String getRequestedLanguageName() {
    return language.nameOf(requested);
  }

  public String getContentLanguageName() {
    return language.nameOf(page.translation().language());
  }

  public String getContentDirection() {
    return language.directionOf(page.translation().language());
  }

  public String getAgency() {
    return page.translation().service().agency().nameIn(page.translation().language());
  }

  /** The service's category as the visitor reads it, or null. */
  public Group getCategory() {
    return page.revision()
        .category()
        .flatMap(
            code ->
                catalogue.getCategories().stream().filter(g -> g.code().equals(code)).findFirst())
        .orElse(null);
  }

  /** The channels' external names, e.g. {@code online}, {@code in-person}. */
  public List<String> getChannels() {
    return page.revision().channels().stream().map(Channel::external).toList();
  }

  /** The date of the last change, written the way the page's language writes dates. */
  public String getUpdated() {
    return new DateTimeFormatterBuilder()
        .appendLocalized(FormatStyle.LONG, null)
        .toFormatter(language.getLocale())
        .format(page.translation().updatedAt().atZone(ZoneOffset.UTC));
  }

  public String getUpdatedIso() {
    return DateTimeFormatter.ISO_LOCAL_DATE.format(
        page.translation().updatedAt().atZone(ZoneOffset.UTC));
  }
}
