package org.civicportal.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The page's wording from the message bundles, in the view's language, and page messages. */
public final class Messages {
  private Messages() {}

  /** A message of the bundle in the current view's language. */
  public static String text(String key) {
    return ResourceBundle.getBundle("i18n.messages", locale()).getString(key);
  }

  /** A message with its {0}, {1}... filled in, formatted for the view's language. */
  public static String format(String key, Object... arguments) {
    return new MessageFormat(text(key), locale()).format(arguments);
  }

  /** Tells the page something went well. */
  public static void info(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  /** Tells the page what went wrong. */
  public static void error(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  private static Locale locale() {
    FacesContext faces = FacesContext.getCurrentInstance();
    return faces != null && faces.getViewRoot() != null
        ? faces.getViewRoot().getLocale()
        : Locale.ENGLISH;
  }
}
