package org.civicportal.catalog.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.text.Collator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.civicportal.catalog.boundary.PublicServices;
import org.civicportal.catalog.boundary.PublicServices.CatalogueEntry;
import org.civicportal.catalog.boundary.PublicServices.Term;
import org.civicportal.language.web.LanguageBacking;
import org.civicportal.tenant.boundary.Tenants;
import org.civicportal.tenant.control.CurrentTenant;

/**
 * The citizen catalogue: the home page's categories and agencies, and the A to Z list at {@code
 * /catalogue}, optionally narrowed to one category ({@code ?category=}) or agency ({@code
 * ?agency=}). Services without a text in the visitor's language are listed in the tenant's default
 * language and marked so.
 */
@Named
@RequestScoped
public class CatalogueBacking {
  @Inject PublicServices services;
  @Inject LanguageBacking language;
  @Inject Tenants tenants;
  @Inject HttpServletRequest request;

  private List<CatalogueEntry> entries;
  private String lang;
  private List<Group> categories;
  private List<Group> agencies;
  private List<Letter> letters;

  @PostConstruct
  void load() {
    lang = language.getCode();
    String defaultLanguage =
        tenants.byCode(CurrentTenant.code()).orElseThrow().defaultLocale().getLanguage();
    entries = services.catalogue(lang, defaultLanguage);
  }

  /** Categories that have published services, by name, with their counts. */
  public List<Group> getCategories() {
    if (categories == null) {
      categories = countCategories();
    }
    return categories;
  }

  private List<Group> countCategories() {
    Map<String, Long> counts = new TreeMap<>();
    entries.stream()
        .filter(e -> e.category() != null)
        .forEach(e -> counts.merge(e.category(), 1L, Long::sum));
    List<Group> groups = new ArrayList<>();
    for (Term category : services.categories()) {
      Long count = counts.get(category.code());
      if (count != null) {
        groups.add(new Group(category.code(), category.nameIn(lang), count));
      }
    }
    groups.sort(Comparator.comparing(Group::name, collator()));
    return groups;
  }

  /** Agencies that have published services, by name, with their counts. */
  public List<Group> getAgencies() {
    if (agencies == null) {
      agencies = countAgencies();
    }
    return agencies;
  }

  private List<Group> countAgencies() {
    Map<String, Long> counts = new TreeMap<>();
    entries.forEach(e -> counts.merge(e.agency(), 1L, Long::sum));
    List<Group> groups = new ArrayList<>();
    for (Term agency : services.agencies()) {
      Long count = counts.get(agency.code());
      if (count != null) {
        groups.add(new Group(agency.code(), agency.nameIn(lang), count));
      }
    }
    groups.sort(Comparator.comparing(Group::name, collator()));
    return groups;
  }

  /** The category asked for, if it exists. */
  public Optional<Group> selectedCategory() {
    String code = request.getParameter("category");
    return code == null
        ? Optional.empty()
        : getCategories().stream().filter(g -> g.code().equals(code)).findFirst();
  }

  /** The agency asked for, if it exists. */
  public Optional<Group> selectedAgency() {
    String code = request.getParameter("agency");
    return code == null
        ? Optional.empty()
        : getAgencies().stream().filter(g -> g.code().equals(code)).findFirst();
  }

  /** The heading for the list: the selected category or agency, or null for all services. */
  public String getFilterName() {
    return selectedCategory().or(this::selectedAgency).map(Group::name).orElse(null);
  }

  /** The services listed, A to Z, grouped by their first letter. */
  public List<Letter> getLetters() {
    if (letters == null) {
      letters = group();
    }
    return letters;
  }

  private List<Letter> group() {
    Optional<Group> category = selectedCategory();
    Optional<Group> agency = selectedAgency();
    Map<String, List<CatalogueEntry>> byLetter = new LinkedHashMap<>();
    for (CatalogueEntry e : entries) {
      if (category.isPresent() && !category.get().code().equals(e.category())) {
        continue;
      }
      if (agency.isPresent() && !agency.get().code().equals(e.agency())) {
        continue;
      }
      byLetter.computeIfAbsent(letterOf(e.title()), k -> new ArrayList<>()).add(e);
    }
    return byLetter.entrySet().stream().map(x -> new Letter(x.getKey(), x.getValue())).toList();
  }

  public boolean isNothingPublished() {
    return entries.isEmpty();
  }

  /**
   * The address of a listed service: its slug, asking for the visitor's language if it lacks it.
   */
  public String link(CatalogueEntry entry) {
    String path = request.getContextPath() + "/services/" + entry.slug();
    return entry.fallback() ? path + "?lang=" + lang : path;
  }

  private static String letterOf(String title) {
    String first =
        Normalizer.normalize(title.strip(), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .substring(0, 1);
    return Character.isLetter(first.charAt(0)) ? first.toUpperCase(Locale.ROOT) : "#";
  }

  private Collator collator() {
    return Collator.getInstance(Locale.forLanguageTag(lang));
  }

  /** A category or agency with the number of published services it has. */
  public record Group(String code, String name, long count) {}

  /** A letter of the A to Z list and its services. */
  public record Letter(String letter, List<CatalogueEntry> services) {
    public String anchor() {
      return "letter-" + Integer.toHexString(letter.codePointAt(0));
    }
  }
}
