package org.civicportal.catalog.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PublicServiceTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private final Agency agency =
      new Agency("transport")
          .name("en", "Department of Transport")
          .name("fr", "Ministère des Transports");

  @Test
  void aServiceWithoutTranslationCannotBePublished() {
    PublicService service = new PublicService(agency, "parking");

    assertThatThrownBy(() -> service.publish(NOW)).isInstanceOf(IllegalStateException.class);
    assertThat(service.isPublished()).isFalse();
  }

  @Test
  void translatingTheSameLanguageTwiceRevisesTheText() {
    PublicService service = new PublicService(agency, "parking");
    service.translate("en", "parking-permit", "Parking", "Park near home.", "Body one.", NOW);

    service.translate(
        "en", "residents-parking", "Residents' parking", "Park.", "Body two.", NOW.plusSeconds(60));

    assertThat(service.translations()).hasSize(1);
    ServiceTranslation en = service.translation("en").orElseThrow();
    assertThat(en.slug()).isEqualTo("residents-parking");
    assertThat(en.body()).isEqualTo("Body two.");
    assertThat(en.updatedAt()).isEqualTo(NOW.plusSeconds(60));
  }

  @Test
  void publishingRecordsTheMomentAndArchivedServicesStayUnpublished() {
    PublicService service = new PublicService(agency, "parking");
    service.translate("fr", "stationnement", "Stationnement", "Garez-vous.", "Texte.", NOW);

    service.publish(NOW);

    assertThat(service.isPublished()).isTrue();
    assertThat(service.publishedAt()).isEqualTo(NOW);
    service.archive();
    assertThatThrownBy(() -> service.publish(NOW)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void slugsAreLowerCaseWordsJoinedByHyphens() {
    assertThat(ServiceTranslation.isSlug("apply-for-a-passport")).isTrue();
    assertThat(ServiceTranslation.isSlug("Apply")).isFalse();
    assertThat(ServiceTranslation.isSlug("a--b")).isFalse();
    assertThat(ServiceTranslation.isSlug("../etc/passwd")).isFalse();
    assertThat(ServiceTranslation.isSlug("é")).isFalse();
    assertThat(ServiceTranslation.isSlug("a".repeat(121))).isFalse();
    assertThat(ServiceTranslation.isSlug(null)).isFalse();
  }

  @Test
  void blankOrOversizedTextIsRefusedWithTheFieldName() {
    PublicService service = new PublicService(agency, "parking");

    assertThatThrownBy(() -> service.translate("en", "p", " ", "s", "b", NOW))
        .hasMessageContaining("title");
    assertThatThrownBy(() -> service.translate("en", "p", "t", "s".repeat(1001), "b", NOW))
        .hasMessageContaining("summary");
    assertThatThrownBy(() -> service.translate("english", "p", "t", "s", "b", NOW))
        .hasMessageContaining("language");
  }

  @Test
  void agencyNameFallsBackToEnglish() {
    assertThat(agency.nameIn("fr")).isEqualTo("Ministère des Transports");
    assertThat(agency.nameIn("ar")).isEqualTo("Department of Transport");
  }
}
