package org.civicportal.catalog.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicportal.catalog.boundary.PublicServices;
import org.civicportal.catalog.entity.ServiceTranslation;
import org.civicportal.language.web.LanguageBacking;

/** The home page: published services in the visitor's language, grouped by agency. */
@Named
@RequestScoped
public class HomeBacking {
  @Inject PublicServices services;
  @Inject LanguageBacking language;

  private List<AgencyServices> agencies;

  @PostConstruct
  void load() {
    String lang = language.getCode();
    Map<String, List<ServiceTranslation>> byAgency = new LinkedHashMap<>();
    services.published(lang).stream()
        .sorted(
            (a, b) ->
                a.service().agency().nameIn(lang).compareTo(b.service().agency().nameIn(lang)))
        .forEach(
            t ->
                byAgency
                    .computeIfAbsent(t.service().agency().nameIn(lang), k -> new ArrayList<>())
                    .add(t));
    agencies =
        byAgency.entrySet().stream()
            .map(e -> new AgencyServices(e.getKey(), e.getValue()))
            .toList();
  }

  public List<AgencyServices> getAgencies() {
    return agencies;
  }

  /** One agency's heading and its services, for one language. */
  public record AgencyServices(String name, List<ServiceTranslation> services) {}
}
