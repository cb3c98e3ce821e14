package org.civicportal.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.civicportal.audit.entity.AuditAction;
import org.civicportal.audit.entity.AuditChain;
import org.civicportal.audit.entity.AuditEntry;

/**
 * Appends to, pages through and verifies tenants' audit chains, always inside the caller's
 * transaction: an entry commits or rolls back together with the action it records.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuditTrail {
  /** Entries read per query while verifying, so memory stays bounded however long the log. */
  static final int PAGE_SIZE = 1000;

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  Clock clock = Clock.systemUTC();
  int pageSize = PAGE_SIZE;

  /** Appends an entry, stamped now, to the tenant's chain. */
  public AuditEntry record(
      String tenant, String actor, AuditAction action, String subject, String detail) {
    AuditEntry entry =
        AuditEntry.append(
            lockedLast(tenant), tenant, clock.instant(), actor, action, subject, detail);
    em.persist(entry);
    return entry;
  }

  /**
   * Records that classified records appeared in a list or a search page ({@code where}): one entry
   * per page naming each, e.g. {@code document:12 SECRET}; nothing when none is classified. The
   * detail is cut to fit, saying how many more there were.
   */
  public void listed(String tenant, String actor, String where, List<String> shown) {
    if (shown.isEmpty()) {
      return;
    }
    StringBuilder detail = new StringBuilder();
    int written = 0;
    for (String record : shown) {
      String more = " and " + (shown.size() - written) + " more";
      if (detail.length() + record.length() + 2 + more.length() > AuditEntry.DETAIL_LENGTH) {
        detail.append(more);
        break;
      }
      detail.append(written == 0 ? "" : "; ").append(record);
      written++;
    }
    record(tenant, actor, AuditAction.RECORDS_LISTED, where, detail.toString());
  }

  /**
   * The tenant's newest entry, read while holding the lock on the tenant's chain head (SELECT ...
   * FOR UPDATE) until this transaction ends: appenders in one tenant take turns, and each reads
   * what its predecessor committed (READ COMMITTED) and links to it, so the chain cannot fork. A
   * tenant's very first append creates its head; two appenders racing for that fail on the head's
   * primary key rather than fork. (Locking the newest entry instead let two appenders now and then
   * read the same entry on H2: AuditMappingIT's concurrent appends caught it.)
   */
  private AuditEntry lockedLast(String tenant) {
    AuditChain head = em.find(AuditChain.class, tenant, LockModeType.PESSIMISTIC_WRITE);
    if (head == null) {
      em.persist(new AuditChain(tenant));
      em.flush();
    }
    return last(tenant);
  }

  private AuditEntry last(String tenant) {
    return em.createNamedQuery(AuditEntry.LAST, AuditEntry.class)
        .setParameter("tenant", tenant)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  /**
   * Checks the tenant's whole chain, oldest first, {@link #PAGE_SIZE} entries per query, and stops
   * at the first broken entry.
   */
  public Verification verify(String tenant) {
    ChainVerification chain = new ChainVerification();
    long after = Long.MIN_VALUE;
    List<AuditEntry> page;
    do {
      page =
          em.createNamedQuery(AuditEntry.IN_ORDER, AuditEntry.class)
              .setParameter("tenant", tenant)
              .setParameter("after", after)
              .setMaxResults(pageSize)
              .getResultList();
      for (AuditEntry entry : page) {
        if (!chain.accept(entry)) {
          return chain.result();
        }
        after = entry.sequence();
      }
      // Entries never change, so the persistence context need not keep them: letting go of each
      // page is what keeps memory bounded. The query has flushed any entry this transaction added.
      page.forEach(em::detach);
    } while (page.size() == pageSize);
    return chain.result();
  }

  /** A page of the tenant's entries that match the filter, newest first. */
  public List<AuditEntry> browse(String tenant, AuditFilter filter, int first, int max) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<AuditEntry> query = cb.createQuery(AuditEntry.class);
    Root<AuditEntry> entry = query.from(AuditEntry.class);
    List<Predicate> where = new ArrayList<>();
    where.add(cb.equal(entry.get("tenant"), tenant));
    if (filter.action() != null) {
      where.add(cb.equal(entry.get("action"), filter.action().name()));
    }
    if (filter.actor() != null) {
      where.add(cb.equal(entry.get("actor"), filter.actor()));
    }
    if (filter.from() != null) {
      where.add(cb.greaterThanOrEqualTo(entry.<Instant>get("occurredAt"), filter.from()));
    }
    if (filter.until() != null) {
      where.add(cb.lessThan(entry.<Instant>get("occurredAt"), filter.until()));
    }
    query
        .select(entry)
        .where(where.toArray(Predicate[]::new))
        .orderBy(cb.desc(entry.get("sequence")));
    return em.createQuery(query).setFirstResult(first).setMaxResults(max).getResultList();
  }
}
