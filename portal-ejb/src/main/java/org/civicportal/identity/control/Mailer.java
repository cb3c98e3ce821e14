package org.civicportal.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.civicportal.persistence.control.PortalSettings;

/**
 * Sends plain-text e-mails through the configured SMTP server ({@code PORTAL_SMTP_HOST}/{@code
 * _PORT}).
 */
@ApplicationScoped
public class Mailer {

  /**
   * Sends one message now.
   *
   * @throws IllegalStateException if the SMTP server does not take it
   */
  public void send(String to, String subject, String text) {
    send(to, subject, text, null);
  }

  /**
   * Sends one message now with this Message-ID (so a copy sent again after a crash can be known for
   * one), or a new one when null.
   *
   * @throws IllegalStateException if the SMTP server does not take it
   */
  public void send(String to, String subject, String text, String messageId) {
    PortalSettings settings = PortalSettings.current();
    Properties properties = new Properties();
    properties.put("mail.smtp.host", settings.smtpHost());
    properties.put("mail.smtp.port", Integer.toString(settings.smtpPort()));
    properties.put("mail.smtp.connectiontimeout", "5000");
    properties.put("mail.smtp.timeout", "10000");
    Session session = Session.getInstance(properties);
    try {
      MimeMessage message =
          new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
              if (messageId == null) {
                super.updateMessageID();
              } else {
                setHeader("Message-ID", messageId);
              }
            }
          };
      message.setFrom(new InternetAddress(settings.mailFrom()));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
      message.setSubject(subject, StandardCharsets.UTF_8.name());
      message.setText(text, StandardCharsets.UTF_8.name());
      Transport.send(message);
    } catch (MessagingException e) {
      throw new IllegalStateException("The e-mail to " + to + " could not be sent", e);
    }
  }
}
