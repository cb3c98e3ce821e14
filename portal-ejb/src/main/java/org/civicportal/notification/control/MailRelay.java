package org.civicportal.notification.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.civicportal.identity.control.Mailer;
import org.civicportal.notification.entity.OutgoingMail;

/**
 * Sends the outbox: woken after each commit that queued mail, and every 10 seconds for retries and
 * for mail queued while it was down. A mail is claimed for a minute before it is sent, so two nodes
 * never send it at once, and marked sent after the SMTP server took it; if the portal stops between
 * the two, the mail goes again after the claim ends, with the same Message-ID, which mail programs
 * use to drop the copy.
 */
@Singleton
@Startup
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailRelay {
  private static final Logger LOG = Logger.getLogger(MailRelay.class.getName());

  @Inject MailStore store;
  @Inject Mailer mailer;
  @Inject MailTrigger trigger;
  @Resource ManagedExecutorService executor;

  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();

  @PostConstruct
  void start() {
    trigger.started(() -> executor.execute(this::drain));
  }

  @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
  void tick() {
    drain();
  }

  /** Sends every mail that is due; returns when none is left or the server refuses. */
  public void drain() {
    if (!running.compareAndSet(false, true)) {
      again.set(true);
      return;
    }
    try {
      do {
        again.set(false);
        sendDue();
      } while (again.get());
    } finally {
      running.set(false);
    }
  }

  private void sendDue() {
    List<Long> due = store.due(Instant.now());
    for (long id : due) {
      OutgoingMail mail = store.claim(id).orElse(null);
      if (mail == null) {
        continue;
      }
      try {
        mailer.send(mail.recipient(), mail.subject(), mail.body(), mail.messageId());
        store.sent(id);
      } catch (RuntimeException e) {
        String reason = e.getCause() != null ? e.getCause().toString() : e.toString();
        LOG.log(Level.WARNING, () -> "Mail " + id + " not sent yet: " + reason);
        store.failed(id, reason);
        // the server is down for this one, most likely for all: wait for the next tick
        return;
      }
    }
  }
}
