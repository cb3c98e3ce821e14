package org.civicportal.indexing.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicportal.classification.web.BannerBacking;
import org.civicportal.document.boundary.StaffDocuments;
import org.civicportal.identity.web.StaffAccess;
import org.civicportal.indexing.boundary.IndexUnavailableException;
import org.civicportal.indexing.boundary.SavedSearches;
import org.civicportal.indexing.boundary.Searches;
import org.civicportal.indexing.entity.SavedSearch;
import org.civicportal.language.web.LanguageBacking;
import org.civicportal.problem.boundary.ConflictException;
import org.civicportal.problem.boundary.InvalidInputException;

/**
 * {@code /staff/search}: employees search everything they may see — services, documents, requests —
 * with filters, facets counted over what they may see, snippets with portion marks, cursor paging,
 * and saved searches. Every parameter is in the address, so a search can be bookmarked, shared with
 * someone cleared for it, or saved.
 */
@Named
@ViewScoped
public class StaffSearchBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject Searches searches;
  @Inject SavedSearches saved;
  @Inject StaffAccess access;
  @Inject BannerBacking banner;
  @Inject StaffDocuments documents;
  @Inject LanguageBacking language;
  @Inject FacesContext faces;

  private String q;
  private String type;
  private String agency;
  private String category;
  private String level;
  private String updated;
  private String contentLanguage;
  private String cursor;
  private String saveName;
  private transient Searches.Results results;
  private String problem;

  public void search() throws IOException {
    if (!access.signedIn()) {
      return;
    }
    banner.show(documents.highest(List.of()), 0);
    if (q == null || q.isBlank()) {
      return;
    }
    try {
      results =
          searches.search(
              new Searches.Request(
                  q,
                  language.getCode(),
                  type == null || type.isBlank() ? Set.of() : Set.of(type),
                  agency,
                  category,
                  contentLanguage,
                  level,
                  updated,
                  20,
                  cursor,
                  true));
      banner.show(results.classification(), documents.label(results.classification()).level());
    } catch (InvalidInputException e) {
      problem = e.getMessage();
    } catch (IndexUnavailableException e) {
      problem = text("search.error.unavailable");
    }
  }

  public void save() {
    try {
      saved.save(saveName, query(Map.of()));
      saveName = null;
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_INFO, text("search.saved"), null));
    } catch (InvalidInputException | ConflictException e) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }
  }

  public void forget(long id) {
    saved.delete(id);
  }

  public List<SavedSearch> getSavedSearches() {
    return saved.mine();
  }

  /** A facet's value, with its count and the address that filters on it (or removes the filter). */
  public record Facet(String value, String label, long count, String url, boolean selected) {}

  /** The facets, by dimension, each value a link. */
  public Map<String, List<Facet>> getFacets() {
    Map<String, List<Facet>> facets = new LinkedHashMap<>();
    if (results == null) {
      return facets;
    }
    results
        .facets()
        .forEach(
            (dimension, counts) -> {
              List<Facet> list = new ArrayList<>();
              String current = current(dimension);
              counts.forEach(
                  (value, count) -> {
                    boolean selected = value.equals(current);
                    list.add(
                        new Facet(
                            value,
                            label(dimension, value),
                            count,
                            "search?" + query(Map.of(parameter(dimension), selected ? "" : value)),
                            selected));
                  });
              facets.put(dimension, list);
            });
    return facets;
  }

  private String label(String dimension, String value) {
    String key = "search.facet." + dimension + "." + value;
    java.util.ResourceBundle bundle =
        java.util.ResourceBundle.getBundle("i18n.messages", language.getLocale());
    return bundle.containsKey(key) ? bundle.getString(key) : value;
  }

  private static String parameter(String dimension) {
    return switch (dimension) {
      case "language" -> "language";
      default -> dimension;
    };
  }

  private String current(String dimension) {
    return switch (dimension) {
      case "type" -> type;
      case "agency" -> agency;
      case "category" -> category;
      case "language" -> contentLanguage;
      case "level" -> level;
      case "updated" -> updated;
      default -> null;
    };
  }

  /** This search's parameters as a query string, with some replaced (blank removes one). */
  String query(Map<String, String> changes) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("q", q);
    p.put("type", type);
    p.put("agency", agency);
    p.put("category", category);
    p.put("language", contentLanguage);
    p.put("level", level);
    p.put("updated", updated);
    p.putAll(changes);
    StringBuilder s = new StringBuilder();
    p.forEach(
        (k, v) -> {
          if (v != null && !v.isBlank()) {
            if (s.length() > 0) {
              s.append('&');
            }
            s.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
          }
        });
    return s.toString();
  }

  public String getNextUrl() {
    return results == null || results.nextCursor() == null
        ? null
        : "search?" + query(Map.of("cursor", results.nextCursor()));
  }

  public String getDidYouMeanUrl() {
    return results == null || results.didYouMean().isEmpty()
        ? null
        : "search?" + query(Map.of("q", results.didYouMean().get()));
  }

  /** Where a hit leads. */
  public String link(Searches.Hit hit) {
    return switch (hit.type()) {
      case "service" -> "../services/" + hit.slug();
      case "request" -> "request?ref=" + hit.slug();
      default -> "document?id=" + hit.id();
    };
  }

  private String text(String key) {
    return java.util.ResourceBundle.getBundle("i18n.messages", language.getLocale()).getString(key);
  }

  public Searches.Results getResults() {
    return results;
  }

  public String getProblem() {
    return problem;
  }

  public String getQ() {
    return q;
  }

  public void setQ(String q) {
    this.q = q;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getAgency() {
    return agency;
  }

  public void setAgency(String agency) {
    this.agency = agency;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public String getLevel() {
    return level;
  }

  public void setLevel(String level) {
    this.level = level;
  }

  public String getUpdated() {
    return updated;
  }

  public void setUpdated(String updated) {
    this.updated = updated;
  }

  public String getContentLanguage() {
    return contentLanguage;
  }

  public void setContentLanguage(String contentLanguage) {
    this.contentLanguage = contentLanguage;
  }

  public String getCursor() {
    return cursor;
  }

  public void setCursor(String cursor) {
    this.cursor = cursor;
  }

  public String getSaveName() {
    return saveName;
  }

  public void setSaveName(String saveName) {
    this.saveName = saveName;
  }
}
