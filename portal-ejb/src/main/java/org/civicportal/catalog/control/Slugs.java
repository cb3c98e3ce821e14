package org.civicportal.catalog.control;

import java.text.Normalizer;
import java.util.Locale;
import org.civicportal.catalog.entity.ServiceTranslation;

/**
 * Readable addresses for services: a title folded to lower-case ASCII words joined by hyphens
 * ("Demander un passeport" becomes {@code demander-un-passeport}). A title with no Latin letters
 * (Arabic, for one) gives no slug; callers then fall back to the service code and language.
 */
public final class Slugs {
  static final int MAX_WORDS_LENGTH = 80;

  private Slugs() {}

  /** The slug for this text, or an empty string when it has no letters or digits to keep. */
  public static String of(String text) {
    if (text == null) {
      return "";
    }
    String folded =
        Normalizer.normalize(text, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replace("œ", "oe")
            .replace("æ", "ae")
            .replace("ß", "ss")
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (folded.length() > MAX_WORDS_LENGTH) {
      folded = folded.substring(0, MAX_WORDS_LENGTH);
      int cut = folded.lastIndexOf('-');
      folded = cut > 20 ? folded.substring(0, cut) : folded.replaceAll("-+$", "");
    }
    return ServiceTranslation.isSlug(folded) ? folded : "";
  }
}
