package org.civicportal.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.civicportal.notification.entity.OutgoingMail;

/** The relay's transactions on the outbox, each its own. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class MailStore {
  static final Duration LEASE = Duration.ofMinutes(1);

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  public List<Long> due(Instant now) {
    return em.createNamedQuery(OutgoingMail.DUE, Long.class)
        .setParameter("now", now)
        .setMaxResults(200)
        .getResultList();
  }

  /** Takes the mail for {@link #LEASE} if it is still due; empty if another sender has it. */
  public Optional<OutgoingMail> claim(long id) {
    OutgoingMail mail = em.find(OutgoingMail.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (mail == null || !mail.claim(Instant.now(), LEASE)) {
      return Optional.empty();
    }
    return Optional.of(mail);
  }

  public void sent(long id) {
    em.find(OutgoingMail.class, id, LockModeType.PESSIMISTIC_WRITE).sent(Instant.now());
  }

  public void failed(long id, String reason) {
    em.find(OutgoingMail.class, id, LockModeType.PESSIMISTIC_WRITE).failed(reason, Instant.now());
  }

  /** Every mail of a tenant, newest first: for tests and the admin's view of the outbox. */
  public List<OutgoingMail> recent(String tenant, int max) {
    return em.createQuery(
            "SELECT m FROM OutgoingMail m WHERE m.tenant = :tenant ORDER BY m.id DESC",
            OutgoingMail.class)
        .setParameter("tenant", tenant)
        .setMaxResults(max)
        .getResultList();
  }
}
