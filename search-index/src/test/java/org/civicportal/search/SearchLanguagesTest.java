package org.civicportal.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchLanguagesTest {

  @Test
  void arabicGermanEnglishSpanishAndFrenchAreSupported() {
    assertThat(SearchLanguages.supported()).containsExactly("ar", "de", "en", "es", "fr");
  }

  @Test
  void otherCodesAndNullAreNotSupported() {
    assertThat(SearchLanguages.isSupported("fr")).isTrue();
    assertThat(SearchLanguages.isSupported("FR")).isFalse();
    assertThat(SearchLanguages.isSupported("ar")).isTrue();
    assertThat(SearchLanguages.isSupported("de")).isTrue();
    assertThat(SearchLanguages.isSupported("es")).isTrue();
    assertThat(SearchLanguages.isSupported("tlh")).isFalse();
    assertThat(SearchLanguages.isSupported(null)).isFalse();
  }
}
