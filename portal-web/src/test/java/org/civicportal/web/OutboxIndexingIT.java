package org.civicportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.civicportal.catalog.boundary.ServiceEditor;
import org.civicportal.catalog.entity.ServiceText;
import org.civicportal.identity.control.CurrentSubject;
import org.civicportal.indexing.boundary.Searches;
import org.civicportal.indexing.control.OutboxReader;
import org.civicportal.indexing.control.OutboxRelay;
import org.civicportal.indexing.control.PortalIndex;
import org.civicportal.tenant.control.CurrentTenant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside the server: a change committed through the catalogue boundary reaches the search
 * index through the outbox, and the outbox empties once it has.
 */
@ExtendWith(ArquillianExtension.class)
class OutboxIndexingIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.portalWithAssertions(OutboxIndexingIT.class);
  }

  @Inject ServiceEditor editor;
  @Inject Searches searches;
  @Inject OutboxReader outbox;
  @Inject OutboxRelay relay;
  @Inject PortalIndex portalIndex;

  @Test
  void aPublishedServiceBecomesSearchableAfterCommitAndAnEditReplacesItsText() {
    long id =
        as(
            "editor1",
            () ->
                editor
                    .create(
                        "transport",
                        "en",
                        ServiceText.of(
                            "Buy a ferry pass",
                            "Cross the bay with a quokkaferry season pass.",
                            "Season passes for the quokkaferry."),
                        null,
                        null)
                    .id());
    as(
        "editor1",
        () ->
            editor.write(
                id,
                "fr",
                null,
                ServiceText.of(
                    "Acheter un abonnement ferry",
                    "Traversez la baie.",
                    "Abonnements pour le quokkaferry.")));
    review(id);
    assertThat(total("quokkaferry", "en")).as("a draft is not searchable").isZero();

    as("reviewer1", () -> editor.publish(id, null));

    assertThat(eventually(() -> total("quokkaferry", "en") == 1)).isTrue();
    // a French search covers French and, as the tenant's default, English; both translations
    // match, and the service shows once, in French
    assertThat(eventually(() -> total("quokkaferry", "fr") == 1)).isTrue();
    assertThat(CurrentTenant.as("demoland", () -> searches.search("quokkaferry", "fr", 10)).hits())
        .extracting(Searches.Hit::language)
        .containsExactly("fr");

    as(
        "editor1",
        () ->
            editor.write(
                id,
                "en",
                null,
                ServiceText.of(
                    "Buy a ferry pass",
                    "Cross the bay with a wombatboat season pass.",
                    "Season passes for the wombatboat.")));
    assertThat(total("quokkaferry", "en"))
        .as("the published revision stays searchable while the next is a draft")
        .isEqualTo(1);
    review(id);
    as("reviewer1", () -> editor.publish(id, null));

    assertThat(eventually(() -> total("wombatboat", "en") == 1)).isTrue();
    assertThat(total("quokkaferry", "en")).isZero();
    assertThat(total("quokkaferry", "fr")).isEqualTo(1);
    // only the English version has the new word: a French search finds the service through it
    assertThat(total("wombatboat", "fr")).isEqualTo(1);
    assertThat(eventually(() -> outbox.pending() == 0)).isTrue();
  }

  private void review(long id) {
    as("editor1", () -> editor.submit(id));
  }

  private static <T> T as(String username, java.util.function.Supplier<T> work) {
    return CurrentTenant.as("demoland", () -> CurrentSubject.actingAs(username, work));
  }

  @Test
  void searchHitsCarryTheSlugOfTheTranslationInTheSearchedLanguage() {
    Searches.Results results =
        CurrentTenant.as("demoland", () -> searches.search("permis de conduire", "fr", 5));

    assertThat(results.hits()).isNotEmpty();
    assertThat(results.hits().get(0).slug()).isEqualTo("renouveler-un-permis-de-conduire");
    assertThat(results.hits().get(0).language()).isEqualTo("fr");
  }

  @Test
  void aFullRebuildKeepsEveryPublishedTranslationSearchable() throws Exception {
    int before = portalIndex.index().documentCount();

    relay.rebuild();

    assertThat(portalIndex.index().documentCount()).isEqualTo(before).isGreaterThanOrEqualTo(12);
    assertThat(CurrentTenant.as("demoland", () -> searches.search("passport", "en", 10)).hits())
        .extracting(Searches.Hit::slug)
        .contains("apply-for-a-passport");
    assertThat(portalIndex.isReady()).isTrue();
  }

  private long total(String text, String language) {
    return CurrentTenant.as("demoland", () -> searches.search(text, language, 10).total());
  }

  private static boolean eventually(BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      if (condition.getAsBoolean()) {
        return true;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return condition.getAsBoolean();
  }
}
