package org.civicportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.civicportal.catalog.boundary.PublicServices;
import org.civicportal.catalog.boundary.PublicServices.ServiceText;
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

  @Inject PublicServices services;
  @Inject Searches searches;
  @Inject OutboxReader outbox;
  @Inject OutboxRelay relay;
  @Inject PortalIndex portalIndex;

  @Test
  void aPublishedServiceBecomesSearchableAfterCommitAndAnEditReplacesItsText() {
    publish(
        "transport",
        "ferry-pass",
        List.of(
            new ServiceText(
                "en",
                "buy-a-ferry-pass",
                "Buy a ferry pass",
                "Cross the bay with a quokkaferry season pass.",
                "Season passes for the quokkaferry."),
            new ServiceText(
                "fr",
                "acheter-un-abonnement-ferry",
                "Acheter un abonnement ferry",
                "Traversez la baie.",
                "Abonnements pour le quokkaferry.")));

    assertThat(eventually(() -> total("quokkaferry", "en") == 1)).isTrue();
    assertThat(total("quokkaferry", "fr")).isEqualTo(1);

    publish(
        "transport",
        "ferry-pass",
        List.of(
            new ServiceText(
                "en",
                "buy-a-ferry-pass",
                "Buy a ferry pass",
                "Cross the bay with a wombatboat season pass.",
                "Season passes for the wombatboat.")));

    assertThat(eventually(() -> total("wombatboat", "en") == 1)).isTrue();
    assertThat(total("quokkaferry", "en")).isZero();
    assertThat(total("quokkaferry", "fr")).isEqualTo(1);
    assertThat(eventually(() -> outbox.pending() == 0)).isTrue();
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

  private void publish(String agency, String code, List<ServiceText> texts) {
    CurrentTenant.as("demoland", () -> services.publish(agency, code, texts));
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
