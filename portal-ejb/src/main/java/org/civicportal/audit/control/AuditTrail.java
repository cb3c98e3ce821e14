package org.civicportal.audit.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.civicportal.audit.entity.AuditAction;
import org.civicportal.audit.entity.AuditChain;
import org.civicportal.audit.entity.AuditEntry;
import org.civicportal.persistence.control.PortalSettings;

/**
 * Appends to, pages through and verifies tenants' audit chains, always inside the caller's
 * transaction: an entry commits or rolls back together with the action it records. Also writes the
 * chains' signed checkpoints ({@link AuditAnchors}), which verification checks; see {@link
 * ChainVerification} for what that detects and what it does not.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuditTrail {
  /** Entries read per query while verifying, so memory stays bounded however long the log. */
  static final int PAGE_SIZE = 1000;

  private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  Clock clock = Clock.systemUTC();
  int pageSize = PAGE_SIZE;
  AuditAnchors anchors;

  @PostConstruct
  void openAnchors() {
    if (anchors == null) {
      anchors = AuditAnchors.of(PortalSettings.current());
    }
  }

  /**
   * Appends an entry, stamped now, to the tenant's chain. The entry follows the one the tenant's
   * chain head points to, and the head then points to it; the head is locked (SELECT ... FOR
   * UPDATE) until this transaction ends, so appenders in one tenant take turns, and each continues
   * from what its predecessor committed (READ COMMITTED), so the chain cannot fork. Numbers come
   * from the head, not from the newest remaining entry, so those of deleted entries are never given
   * out again. A tenant's very first append creates its head; two appenders racing for that fail on
   * the head's primary key rather than fork.
   */
  public AuditEntry record(
      String tenant, String actor, AuditAction action, String subject, String detail) {
    AuditChain head = em.find(AuditChain.class, tenant, LockModeType.PESSIMISTIC_WRITE);
    if (head == null) {
      head = new AuditChain(tenant);
      em.persist(head);
      em.flush();
    }
    AuditEntry entry = head.append(clock.instant(), actor, action, subject, detail);
    em.persist(entry);
    // Written at once: a second entry in this transaction locks the head again, and the lock's
    // read (which refreshes the head from the table) must see this one, or it would reuse its
    // number.
    em.flush();
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
   * Checks the tenant's whole chain, oldest first, {@link #PAGE_SIZE} entries per query, alongside
   * its checkpoints, and stops at the first problem: an entry that does not hold, a chain that does
   * not end exactly at its head, an entry beyond the head, a checkpoint the chain does not match or
   * does not reach, an anchor line that is not a signed checkpoint, or an anchor file that cannot
   * be read or is missing although the head records that a checkpoint was written.
   */
  public Verification verify(String tenant) {
    // The file first, then the head: every checkpoint read was written from a head at most as new
    // as the one read here, since a head only grows. A checkpoint written later is not read.
    try (AuditAnchors.Reader checkpoints = anchors.read(tenant)) {
      AuditChain head = freshHead(tenant);
      long headSequence = head == null ? 0 : head.lastSequence();
      ChainVerification chain = new ChainVerification(checkpoints);
      if (!walk(tenant, headSequence, chain)) {
        return chain.result();
      }
      Verification result =
          chain.end(headSequence, head == null ? AuditEntry.GENESIS_HASH : head.lastHash());
      if (result.valid()) {
        result = entriesBeyondHead(tenant, head, result);
      }
      if (result.valid() && head != null) {
        result = anchorFileKept(tenant, head.anchoredSequence(), result);
      }
      return result;
    } catch (AnchorException e) {
      return Verification.unanchored(0, e.getMessage(), null);
    }
  }

  /** The head as stored now (or as this transaction changed it), null if there is none. */
  private AuditChain freshHead(String tenant) {
    em.flush();
    AuditChain head = em.find(AuditChain.class, tenant);
    if (head != null) {
      em.refresh(head);
    }
    return head;
  }

  /** Feeds the entries up to the head to the verification; false once it found a problem. */
  private boolean walk(String tenant, long headSequence, ChainVerification chain) {
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
        if (entry.sequence() > headSequence) {
          return true;
        }
        if (!chain.accept(entry)) {
          return false;
        }
        after = entry.sequence();
      }
      // Entries never change, so the persistence context need not keep them: letting go of each
      // page is what keeps memory bounded. The query has flushed any entry this transaction added.
      page.forEach(em::detach);
    } while (page.size() == pageSize);
    return true;
  }

  /**
   * Entries beyond the head, compared with the head as it is when the query runs, so that an append
   * committed since the walk is not one.
   */
  private Verification entriesBeyondHead(String tenant, AuditChain head, Verification result) {
    Long beyond;
    if (head == null) {
      beyond =
          em.createNamedQuery(AuditEntry.LAST, AuditEntry.class)
              .setParameter("tenant", tenant)
              .setMaxResults(1)
              .getResultStream()
              .map(AuditEntry::sequence)
              .findFirst()
              .orElse(null);
    } else {
      beyond =
          em.createNamedQuery(AuditEntry.BEYOND_HEAD, Long.class)
              .setParameter("tenant", tenant)
              .getSingleResult();
    }
    if (beyond == null) {
      return result;
    }
    return new Verification(
        false,
        result.checkedEntries(),
        beyond,
        head == null
            ? "the chain has entries but no head: its head row was deleted"
            : "lies beyond the chain's head: it was added behind the portal's back",
        result.lastCheckpointSequence(),
        result.lastCheckpointAt());
  }

  /**
   * The head records the newest checkpoint written; the anchor file must still hold it. The file is
   * read again, since the checkpoint may have been written after it was opened above.
   */
  private Verification anchorFileKept(String tenant, long anchored, Verification result) {
    long read = result.lastCheckpointSequence() == null ? 0 : result.lastCheckpointSequence();
    if (anchored <= read) {
      return result;
    }
    long newest = anchors.newestSigned(tenant);
    if (newest >= anchored) {
      return result;
    }
    Path file = anchors.file(tenant);
    String reason =
        Files.exists(file)
            ? "The anchor file "
                + file
                + " holds checkpoints up to entry "
                + newest
                + " only, but one of entry "
                + anchored
                + " was written to it: the file was cut short or replaced"
            : "The anchor file "
                + file
                + " is missing, but checkpoints up to entry "
                + anchored
                + " were written to it";
    return new Verification(
        false,
        result.checkedEntries(),
        null,
        reason,
        result.lastCheckpointSequence(),
        result.lastCheckpointAt());
  }

  /**
   * Writes a signed checkpoint of every chain that grew since its last one, each line on disk
   * before the head records it, and returns the tenants checkpointed. A tenant whose anchor file or
   * key cannot be used is logged and passed over; the others are still checkpointed.
   */
  @Transactional(Transactional.TxType.REQUIRED)
  public List<String> checkpoint() {
    Instant now = clock.instant();
    List<AuditChain> written = new ArrayList<>();
    for (AuditChain head : em.createNamedQuery(AuditChain.ALL, AuditChain.class).getResultList()) {
      try {
        if (head.lastSequence() > 0
            && anchors.checkpoint(head.tenant(), head.lastSequence(), head.lastHash(), now)) {
          written.add(head);
        }
      } catch (AnchorException | IllegalArgumentException e) {
        LOG.log(Level.SEVERE, "No audit checkpoint of " + head.tenant() + ": " + e.getMessage(), e);
      }
    }
    for (AuditChain head : written) {
      em.createNamedQuery(AuditChain.ANCHORED)
          .setParameter("tenant", head.tenant())
          .setParameter("sequence", head.lastSequence())
          .executeUpdate();
    }
    return written.stream().map(AuditChain::tenant).toList();
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
