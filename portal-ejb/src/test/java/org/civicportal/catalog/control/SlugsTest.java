package org.civicportal.catalog.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.civicportal.catalog.entity.ServiceTranslation;
import org.junit.jupiter.api.Test;

class SlugsTest {
  @Test
  void titlesFoldToLowerCaseAsciiWords() {
    assertThat(Slugs.of("Apply for a passport")).isEqualTo("apply-for-a-passport");
    assertThat(Slugs.of("Demander un passeport « état civil »"))
        .isEqualTo("demander-un-passeport-etat-civil");
    assertThat(Slugs.of("Œuvre d'art : déclaration")).isEqualTo("oeuvre-d-art-declaration");
    assertThat(Slugs.of("  --Hello--  ")).isEqualTo("hello");
  }

  @Test
  void textWithoutLatinLettersGivesNoSlug() {
    assertThat(Slugs.of("طلب جواز سفر")).isEmpty();
    assertThat(Slugs.of(null)).isEmpty();
  }

  @Test
  void longTitlesAreCutAtAWordAndStayValid() {
    String slug = Slugs.of("word ".repeat(60));

    assertThat(slug.length()).isLessThanOrEqualTo(80);
    assertThat(ServiceTranslation.isSlug(slug)).isTrue();
    assertThat(slug).doesNotEndWith("-");
  }
}
