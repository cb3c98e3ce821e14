package org.civicportal.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A mail in the outbox. Written in the transaction that has something to tell, so it exists if and
 * only if that transaction committed; sent by the relay, retried with back-off while the SMTP
 * server refuses, and marked sent once. Not tenant-bound through EclipseLink: the relay serves
 * every tenant.
 */
@Entity
@Table(name = "mail_outbox")
@NamedQuery(
    name = OutgoingMail.DUE,
    query =
        "SELECT m.id FROM OutgoingMail m WHERE m.sentAt IS NULL AND m.nextAttemptAt <= :now"
            + " ORDER BY m.nextAttemptAt, m.id")
public class OutgoingMail {
  public static final String DUE = "OutgoingMail.due";

  /** The longest wait between two attempts. */
  public static final Duration LONGEST_WAIT = Duration.ofMinutes(30);

  @Id
  @SequenceGenerator(
      name = "mail_outbox_seq",
      sequenceName = "mail_outbox_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_outbox_seq")
  private Long id;

  @Column(nullable = false, length = 40)
  private String tenant;

  @Column(nullable = false, length = 254)
  private String recipient;

  @Column(nullable = false, length = 400)
  private String subject;

  @Column(nullable = false)
  private String body;

  @Column(name = "message_id", nullable = false, length = 200)
  private String messageId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "last_error", length = 1000)
  private String lastError;

  protected OutgoingMail() {}

  public OutgoingMail(
      String tenant, String recipient, String subject, String body, String messageId, Instant now) {
    this.tenant = tenant;
    this.recipient = recipient;
    this.subject = subject.length() <= 400 ? subject : subject.substring(0, 399) + "…";
    this.body = body;
    this.messageId = messageId;
    this.createdAt = now;
    this.nextAttemptAt = now;
  }

  /**
   * A sender takes the mail for a while, so that another node does not send it at the same time; if
   * the sender dies, the mail falls due again when the lease ends.
   */
  public boolean claim(Instant now, Duration lease) {
    if (sentAt != null || nextAttemptAt.isAfter(now)) {
      return false;
    }
    nextAttemptAt = now.plus(lease);
    return true;
  }

  public void sent(Instant now) {
    sentAt = now;
    attempts++;
    lastError = null;
  }

  /** The attempt failed: wait 10 s, 20 s, 40 s... up to {@link #LONGEST_WAIT} before the next. */
  public void failed(String error, Instant now) {
    attempts++;
    lastError = error == null ? "unknown" : error.substring(0, Math.min(error.length(), 1000));
    long seconds = 10L << Math.min(attempts - 1, 20);
    nextAttemptAt = now.plus(Duration.ofSeconds(Math.min(seconds, LONGEST_WAIT.toSeconds())));
  }

  public Long id() {
    return id;
  }

  public String tenant() {
    return tenant;
  }

  public String recipient() {
    return recipient;
  }

  public String subject() {
    return subject;
  }

  public String body() {
    return body;
  }

  public String messageId() {
    return messageId;
  }

  public int attempts() {
    return attempts;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  public Optional<Instant> sentAt() {
    return Optional.ofNullable(sentAt);
  }

  public Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }
}
