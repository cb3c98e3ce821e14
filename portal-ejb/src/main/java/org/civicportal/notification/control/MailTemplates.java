package org.civicportal.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.civicportal.notification.entity.MailTemplate;

/**
 * The wording of the portal's mails, per kind and locale: the tenant's own when it has written one
 * ({@code mail_template}), the portal's otherwise ({@code mail/templates*.properties}).
 * Placeholders are {@code {name}}; values are put in as they are, since mails are plain text, which
 * no mail program runs as markup.
 */
@ApplicationScoped
public class MailTemplates {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  /** A filled-in mail. */
  public record Filled(String subject, String body) {}

  public Filled fill(String tenant, Kind kind, String locale, Map<String, String> values) {
    String subject;
    String body;
    List<MailTemplate> own =
        em.createNamedQuery(MailTemplate.FIND, MailTemplate.class)
            .setParameter("tenant", tenant)
            .setParameter("kind", kind.name())
            .setParameter("locale", locale)
            .getResultList();
    if (!own.isEmpty()) {
      subject = own.get(0).subject();
      body = own.get(0).body();
    } else {
      ResourceBundle bundle =
          ResourceBundle.getBundle("mail/templates", Locale.forLanguageTag(locale));
      try {
        subject = bundle.getString(kind.key() + ".subject");
        body = bundle.getString(kind.key() + ".body");
      } catch (MissingResourceException e) {
        throw new IllegalStateException("No mail template " + kind + " in " + locale, e);
      }
    }
    return new Filled(replace(subject, values).replaceAll("[\\r\\n]+", " "), replace(body, values));
  }

  static String replace(String template, Map<String, String> values) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      int close = open < 0 ? -1 : template.indexOf('}', open);
      if (open < 0 || close < 0) {
        out.append(template, i, template.length());
        break;
      }
      String name = template.substring(open + 1, close);
      out.append(template, i, open);
      out.append(values.containsKey(name) ? values.get(name) : template.substring(open, close + 1));
      i = close + 1;
    }
    return out.toString();
  }

  /** The mails the portal sends about requests. */
  public enum Kind {
    REQUEST_SUBMITTED("submitted"),
    REQUEST_STATUS("status"),
    REQUEST_MESSAGE("message"),
    REQUEST_CITIZEN_REPLIED("replied");

    private final String key;

    Kind(String key) {
      this.key = key;
    }

    String key() {
      return key;
    }
  }
}
