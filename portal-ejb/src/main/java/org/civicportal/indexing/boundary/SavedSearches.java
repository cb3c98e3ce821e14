package org.civicportal.indexing.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.identity.control.Subject;
import org.civicportal.identity.entity.Role;
import org.civicportal.indexing.entity.SavedSearch;
import org.civicportal.problem.boundary.ConflictException;
import org.civicportal.problem.boundary.InvalidInputException;
import org.civicportal.problem.boundary.NoSuchRecordException;
import org.civicportal.problem.boundary.NotPermittedException;
import org.civicportal.tenant.control.TenantBound;

/** Each employee's saved searches: their own only, never anyone else's. */
@ApplicationScoped
@Transactional
@TenantBound
public class SavedSearches {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject CurrentSubject subjects;
  @Inject Searches searches;

  public List<SavedSearch> mine() {
    Subject subject = requireEmployee();
    return em.createNamedQuery(SavedSearch.OF_OWNER, SavedSearch.class)
        .setParameter("owner", subject.name())
        .getResultList();
  }

  /**
   * Saves a search under a name (1 to 120 characters) with its parameters (a URL query string of at
   * most 2,000 characters).
   *
   * @throws ConflictException when the employee already has a search of that name
   */
  public SavedSearch save(String name, String query) {
    Subject subject = requireEmployee();
    if (name == null || name.isBlank() || name.strip().length() > 120) {
      throw new InvalidInputException("name", "Name the search (1 to 120 characters).");
    }
    if (query == null || query.isBlank() || query.length() > 2000) {
      throw new InvalidInputException(
          "query", "A saved search has 1 to 2,000 characters of parameters.");
    }
    String n = name.strip();
    if (mine().stream().anyMatch(s -> s.name().equals(n))) {
      throw new ConflictException("You already have a saved search called " + n + ".");
    }
    SavedSearch saved = new SavedSearch(subject.name(), n, query.strip(), Instant.now());
    em.persist(saved);
    em.flush();
    return saved;
  }

  /**
   * Runs one of the caller's saved searches now, in this language: what {@link Searches#search}
   * gives for its parameters, marked with the highest label among its hits.
   */
  public Searches.Results results(long id, String language) {
    Subject subject = requireEmployee();
    SavedSearch saved = em.find(SavedSearch.class, id);
    if (saved == null || !saved.owner().equals(subject.name())) {
      throw new NoSuchRecordException("No saved search " + id + ".");
    }
    Map<String, List<String>> p = parameters(saved.query());
    return searches.search(
        new Searches.Request(
            first(p, "q"),
            language,
            p.getOrDefault("type", List.of()).stream()
                .flatMap(t -> Arrays.stream(t.split(",")))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .collect(Collectors.toSet()),
            first(p, "agency"),
            first(p, "category"),
            first(p, "language"),
            first(p, "level"),
            first(p, "updated"),
            10,
            null,
            true));
  }

  /** The parameters of a URL query string (decoded; repeated names kept in order). */
  static Map<String, List<String>> parameters(String query) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return parameters;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("query", "The saved search's parameters are malformed.");
    }
  }

  private static String first(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public void delete(long id) {
    Subject subject = requireEmployee();
    SavedSearch saved = em.find(SavedSearch.class, id);
    if (saved == null || !saved.owner().equals(subject.name())) {
      throw new NoSuchRecordException("No saved search " + id + ".");
    }
    em.remove(saved);
  }

  private Subject requireEmployee() {
    Subject subject = subjects.get();
    if (!subject.has(Role.EMPLOYEE)) {
      throw new NotPermittedException("Only employees save searches.");
    }
    return subject;
  }
}
