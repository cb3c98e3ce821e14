package org.civicportal.notification.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {
  @Test
  void placeholdersAreReplacedOnceAndValuesAreNotReadAsTemplates() {
    assertThat(
            MailTemplates.replace(
                "{reference}: {message} {unknown}",
                Map.of("reference", "DEM-1", "message", "<script>{reference}</script>")))
        .isEqualTo("DEM-1: <script>{reference}</script> {unknown}");
  }

  @Test
  void everyLanguageHasEveryMailWithTheSamePlaceholders() {
    ResourceBundle en = bundle("en");
    for (String language : new String[] {"fr", "ar"}) {
      ResourceBundle other = bundle(language);
      for (MailTemplates.Kind kind : MailTemplates.Kind.values()) {
        for (String part : new String[] {".subject", ".body"}) {
          String key = kind.key() + part;
          assertThat(other.getString(key)).as(language + " " + key).isNotEqualTo(en.getString(key));
          assertThat(placeholders(other.getString(key))).isEqualTo(placeholders(en.getString(key)));
        }
      }
    }
  }

  private static ResourceBundle bundle(String language) {
    return ResourceBundle.getBundle(
        "mail/templates",
        Locale.forLanguageTag(language),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  private static Set<String> placeholders(String text) {
    Set<String> names = new HashSet<>();
    Matcher m = Pattern.compile("\\{([a-z]+)}").matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
