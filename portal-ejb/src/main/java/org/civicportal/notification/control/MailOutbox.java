package org.civicportal.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.civicportal.notification.entity.OutgoingMail;

/**
 * Queues a mail in the caller's transaction: it leaves only if that transaction commits, and then
 * through the {@link MailRelay}, which retries until the SMTP server takes it.
 */
@ApplicationScoped
public class MailOutbox {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject MailTemplates templates;
  @Inject Event<MailQueued> queued;

  /**
   * Queues a mail about a labelled record: its marking leads the subject, in brackets, and is the
   * body's first line, as on every page that shows the record.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void queue(
      String tenant,
      String to,
      MailTemplates.Kind kind,
      String locale,
      Map<String, String> values,
      String marking) {
    MailTemplates.Filled mail = templates.fill(tenant, kind, locale, values);
    OutgoingMail entry =
        new OutgoingMail(
            tenant,
            to,
            "[" + marking + "] " + mail.subject(),
            marking + "\n\n" + mail.body(),
            "<" + UUID.randomUUID() + "." + tenant + "@civic-portal>",
            Instant.now());
    em.persist(entry);
    em.flush();
    queued.fire(new MailQueued(entry.id()));
  }
}
