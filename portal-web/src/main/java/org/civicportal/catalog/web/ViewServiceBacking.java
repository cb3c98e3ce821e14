package org.civicportal.catalog.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civicportal.catalog.boundary.PublicServices;
import org.civicportal.catalog.entity.ServiceTranslation;
import org.civicportal.language.web.LanguageBacking;

/** A service page at {@code /services/{slug}}; an unknown or unpublished slug is a 404. */
@Named
@RequestScoped
public class ViewServiceBacking {
  @Inject PublicServices services;
  @Inject LanguageBacking language;
  @Inject FacesContext faces;

  private String slug;
  private ServiceTranslation service;

  /** Loads the service before rendering, and pins the page to the service text's language. */
  public void load() throws IOException {
    ExternalContext external = faces.getExternalContext();
    service = services.publishedBySlug(slug).orElse(null);
    if (service == null) {
      external.responseSendError(404, "No such service");
      faces.responseComplete();
      return;
    }
    Map<String, String> alternates = new LinkedHashMap<>();
    for (ServiceTranslation t : service.service().translations()) {
      alternates.put(
          t.language(),
          ServicePaths.of(external.getRequestContextPath(), t.slug()) + "?lang=" + t.language());
    }
    language.pin(service.language(), alternates);
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }

  public ServiceTranslation getService() {
    return service;
  }

  public String getAgency() {
    return service.service().agency().nameIn(service.language());
  }

  /** The date of the last change, written the way the page's language writes dates. */
  public String getUpdated() {
    return new DateTimeFormatterBuilder()
        .appendLocalized(FormatStyle.LONG, null)
        .toFormatter(Locale.forLanguageTag(service.language()))
        .format(service.updatedAt().atZone(ZoneOffset.UTC));
  }

  /** The body's paragraphs; the text is plain, so it is escaped on output. */
  public List<String> getParagraphs() {
    return Arrays.stream(service.body().split("\\n\\s*\\n"))
        .map(String::strip)
        .filter(p -> !p.isEmpty())
        .toList();
  }
}
