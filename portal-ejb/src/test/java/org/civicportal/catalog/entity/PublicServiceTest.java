package org.civicportal.catalog.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PublicServiceTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private final Agency agency =
      new Agency("transport")
          .name("en", "Department of Transport")
          .name("fr", "Ministère des Transports");

  private PublicService parking() {
    PublicService service = new PublicService(agency, "parking", "en", "editor", NOW);
    service
        .latest()
        .write(
            "en",
            "parking-permit",
            ServiceText.of("Parking", "Park near home.", "<p>One.</p>"),
            "editor",
            NOW);
    return service;
  }

  private static void review(PublicService service) {
    service.latest().submit("editor", NOW);
  }

  @Test
  void aNewServiceIsADraftThatCitizensDoNotSee() {
    PublicService service = parking();

    assertThat(service.latest().number()).isEqualTo(1);
    assertThat(service.latest().state()).isEqualTo(RevisionState.DRAFT);
    assertThat(service.isPublished()).isFalse();
    assertThat(service.translations()).isEmpty();
    assertThat(service.publishedRevision()).isEmpty();
  }

  @Test
  void onlyARevisionInReviewIsPublishedAndThenItsTextsAreWhatCitizensRead() {
    PublicService service = parking();
    ServiceRevision draft = service.latest();

    assertThatThrownBy(() -> service.publish(draft, "reviewer", NOW))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("draft");

    review(service);
    service.publish(draft, "reviewer", NOW);

    assertThat(service.isPublished()).isTrue();
    assertThat(draft.state()).isEqualTo(RevisionState.PUBLISHED);
    assertThat(service.translation("en").orElseThrow().slug()).isEqualTo("parking-permit");
    assertThat(service.publishedRevision()).contains(draft);
  }

  @Test
  void aPublishedRevisionNeverChangesEditingStartsTheNextDraft() {
    PublicService service = parking();
    review(service);
    ServiceRevision first = service.latest();
    service.publish(first, "reviewer", NOW);

    assertThatThrownBy(
            () -> first.write("en", "parking-permit", ServiceText.of("X", "Y", "Z"), "e", NOW))
        .isInstanceOf(IllegalStateException.class);
    ServiceRevision second = service.draft("editor", NOW.plusSeconds(60));
    second.write(
        "en",
        "parking-permit",
        ServiceText.of("Parking permits", "Park.", "<p>Two.</p>"),
        "editor",
        NOW);

    assertThat(second.number()).isEqualTo(2);
    assertThat(first.text("en").orElseThrow().title()).isEqualTo("Parking");
    assertThat(service.translation("en").orElseThrow().title())
        .as("citizens still read revision 1")
        .isEqualTo("Parking");
    assertThat(service.draft("editor", NOW)).as("the same draft, not a third").isSameAs(second);

    second.submit("editor", NOW);
    service.publish(second, "reviewer", NOW.plusSeconds(120));
    assertThat(first.state()).isEqualTo(RevisionState.SUPERSEDED);
    assertThat(service.translation("en").orElseThrow().title()).isEqualTo("Parking permits");
  }

  @Test
  void aRevisionInReviewCannotBeEditedUntilSentBackWithAComment() {
    PublicService service = parking();
    review(service);
    ServiceRevision revision = service.latest();

    assertThatThrownBy(() -> service.draft("editor", NOW)).hasMessageContaining("in-review");
    assertThatThrownBy(() -> revision.sendBack("reviewer", " ", NOW))
        .isInstanceOf(IllegalArgumentException.class);
    revision.sendBack("reviewer", "Add the fee.", NOW);

    assertThat(revision.state()).isEqualTo(RevisionState.DRAFT);
    assertThat(revision.reviewComment()).contains("Add the fee.");
    assertThat(service.draft("editor", NOW)).isSameAs(revision);
  }

  @Test
  void schedulingNeedsAFutureTimeAndKeepsTheRevisionUnpublished() {
    PublicService service = parking();
    review(service);
    ServiceRevision revision = service.latest();

    assertThatThrownBy(() -> service.schedule(revision, "reviewer", NOW.minusSeconds(1), NOW))
        .isInstanceOf(IllegalArgumentException.class);
    service.schedule(revision, "reviewer", NOW.plusSeconds(3600), NOW);

    assertThat(revision.state()).isEqualTo(RevisionState.SCHEDULED);
    assertThat(revision.publishAt()).contains(NOW.plusSeconds(3600));
    assertThat(service.isPublished()).isFalse();
    service.publish(revision, "scheduler", NOW.plusSeconds(3600));
    assertThat(service.isPublished()).isTrue();
  }

  @Test
  void translationsBecomeOutdatedWhenTheSourceChanges() {
    PublicService service = parking();
    ServiceRevision draft = service.latest();
    draft.write(
        "fr", "stationnement", ServiceText.of("Stationnement", "Garez-vous.", "Texte."), "e", NOW);

    assertThat(draft.translationStatus(List.of("en", "fr", "ar")))
        .containsEntry("en", TranslationStatus.UP_TO_DATE)
        .containsEntry("fr", TranslationStatus.UP_TO_DATE)
        .containsEntry("ar", TranslationStatus.MISSING);

    draft.write(
        "en",
        "parking-permit",
        ServiceText.of("Parking", "Park near home.", "<p>One.</p>"),
        "e",
        NOW);
    assertThat(draft.statusOf("fr"))
        .as("the same source text again")
        .isEqualTo(TranslationStatus.UP_TO_DATE);

    draft.write(
        "en",
        "parking-permit",
        ServiceText.of("Parking", "Park near your home.", "<p>One.</p>"),
        "e",
        NOW);
    assertThat(draft.statusOf("fr")).isEqualTo(TranslationStatus.OUTDATED);

    draft.write(
        "fr",
        "stationnement",
        ServiceText.of("Stationnement", "Garez-vous près de chez vous.", "Texte."),
        "e",
        NOW);
    assertThat(draft.statusOf("fr")).isEqualTo(TranslationStatus.UP_TO_DATE);
  }

  @Test
  void archivingHidesTheServiceAndEditingAnArchivedServiceStartsADraft() {
    PublicService service = parking();
    review(service);
    ServiceRevision first = service.latest();
    service.publish(first, "reviewer", NOW);

    service.archive(NOW);

    assertThat(service.isPublished()).isFalse();
    assertThat(first.state()).isEqualTo(RevisionState.ARCHIVED);
    assertThat(service.draft("editor", NOW).number()).isEqualTo(2);
  }

  @Test
  void serviceFactsAreCheckedAndKeptInOrder() {
    PublicService service = parking();
    ServiceRevision draft = service.latest();

    draft.describe(
        "transport",
        Set.of(Channel.PHONE, Channel.ONLINE),
        List.of("permit", "car"),
        List.of(),
        null,
        10,
        "e",
        NOW);

    assertThat(draft.channels()).containsExactlyInAnyOrder(Channel.ONLINE, Channel.PHONE);
    assertThat(draft.tags()).containsExactly("permit", "car");
    assertThat(draft.processingDays()).contains(10);
    assertThatThrownBy(
            () -> draft.describe(null, Set.of(), List.of("a,b"), List.of(), null, null, "e", NOW))
        .hasMessageContaining("tag");
    assertThatThrownBy(
            () -> draft.describe(null, Set.of(), List.of(), List.of(), null, -1, "e", NOW))
        .hasMessageContaining("processingDays");
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
    ServiceRevision draft = parking().latest();

    assertThatThrownBy(() -> draft.write("en", "p", ServiceText.of(" ", "s", "b"), "e", NOW))
        .hasMessageContaining("title");
    assertThatThrownBy(
            () -> draft.write("en", "p", ServiceText.of("t", "s".repeat(1001), "b"), "e", NOW))
        .hasMessageContaining("summary");
    assertThatThrownBy(() -> draft.write("english", "p", ServiceText.of("t", "s", "b"), "e", NOW))
        .hasMessageContaining("language");
  }

  @Test
  void agencyNameFallsBackToEnglish() {
    assertThat(agency.nameIn("fr")).isEqualTo("Ministère des Transports");
    assertThat(agency.nameIn("ar")).isEqualTo("Department of Transport");
  }
}
