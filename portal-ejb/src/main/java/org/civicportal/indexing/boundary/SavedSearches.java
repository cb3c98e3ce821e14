package org.civicportal.indexing.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
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
