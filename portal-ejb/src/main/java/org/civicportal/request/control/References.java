package org.civicportal.request.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Year;
import java.util.Locale;
import org.civicportal.request.entity.RequestCounter;
import org.civicportal.tenant.control.TenantBound;

/**
 * Reference numbers unique in a tenant, such as {@code DEM-2026-000123}: the tenant's first three
 * letters, the year, and a count that restarts each year. Submitters lock the tenant's counter row
 * for the year, so two submissions never get the same number, on one node or many.
 */
@ApplicationScoped
@TenantBound
public class References {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  /** The next reference, taken in the caller's transaction (and given back if it rolls back). */
  @Transactional(Transactional.TxType.MANDATORY)
  public String next(String tenant, Year year) {
    RequestCounter.Key key = new RequestCounter.Key(tenant, year.getValue());
    RequestCounter counter = em.find(RequestCounter.class, key, LockModeType.PESSIMISTIC_WRITE);
    if (counter == null) {
      throw new IllegalStateException("No counter for " + key + "; call ensure first");
    }
    return format(tenant, year, counter.next());
  }

  /** Creates the year's counter if there is none yet, in its own transaction. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void ensure(String tenant, Year year) {
    RequestCounter.Key key = new RequestCounter.Key(tenant, year.getValue());
    if (em.find(RequestCounter.class, key) == null) {
      em.persist(new RequestCounter(tenant, year.getValue()));
    }
  }

  static String format(String tenant, Year year, long number) {
    String letters = tenant.replaceAll("[^A-Za-z]", "");
    String prefix = (letters + "XXX").substring(0, 3).toUpperCase(Locale.ROOT);
    return String.format(Locale.ROOT, "%s-%d-%06d", prefix, year.getValue(), number);
  }
}
