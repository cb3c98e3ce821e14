package org.civicportal.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchLanguagesTest {

  @Test
  void englishAndFrenchAreSupported() {
    assertThat(SearchLanguages.supported()).containsExactly("en", "fr");
  }

  @Test
  void otherCodesAndNullAreNotSupported() {
    assertThat(SearchLanguages.isSupported("fr")).isTrue();
    assertThat(SearchLanguages.isSupported("FR")).isFalse();
    assertThat(SearchLanguages.isSupported("ar")).isFalse();
    assertThat(SearchLanguages.isSupported(null)).isFalse();
  }
}
