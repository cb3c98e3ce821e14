package org.civicportal.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A tenant's own wording of one kind of mail in one locale. */
@Entity
@Table(name = "mail_template")
@IdClass(MailTemplate.Key.class)
@NamedQuery(
    name = MailTemplate.FIND,
    query =
        "SELECT t FROM MailTemplate t WHERE t.tenant = :tenant AND t.kind = :kind"
            + " AND t.locale = :locale")
public class MailTemplate {
  public static final String FIND = "MailTemplate.find";

  @Id
  @Column(length = 40)
  private String tenant;

  @Id
  @Column(length = 40)
  private String kind;

  @Id
  @Column(length = 10)
  private String locale;

  @Column(nullable = false, length = 400)
  private String subject;

  @Column(nullable = false, length = 8000)
  private String body;

  protected MailTemplate() {}

  public MailTemplate(String tenant, String kind, String locale, String subject, String body) {
    this.tenant = tenant;
    this.kind = kind;
    this.locale = locale;
    this.subject = subject;
    this.body = body;
  }

  public String subject() {
    return subject;
  }

  public String body() {
    return body;
  }

  /** The composite key. */
  public record Key(String tenant, String kind, String locale) implements Serializable {
    public Key() {
      this(null, null, null);
    }
  }
}
