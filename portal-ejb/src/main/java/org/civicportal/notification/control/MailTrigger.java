package org.civicportal.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** Wakes the {@link MailRelay} after each commit that queued mail. */
@ApplicationScoped
public class MailTrigger {
  private volatile Runnable wake;

  void started(Runnable wake) {
    this.wake = wake;
  }

  void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued queued) {
    Runnable current = wake;
    if (current != null) {
      current.run();
    }
  }
}
