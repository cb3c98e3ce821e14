package org.civicportal.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.civicportal.web.BrowserJourney;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A citizen in a real browser: home in English, switch to French, search, open a service, and a
 * wrong address. Every page visited is scanned with axe-core and must have no JavaScript error.
 */
class CitizenSearchJourneyIT extends BrowserJourney {

  @Test
  void homeSwitchToFrenchSearchAndOpenAService() {
    driver.get(base.toString());
    assertThat(lang()).isEqualTo("en");
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Find a public service");
    assertThat(driver.findElements(By.cssSelector(".category-list a")))
        .hasSizeGreaterThanOrEqualTo(4);
    assertThat(driver.findElements(By.cssSelector(".agency-list a")))
        .hasSizeGreaterThanOrEqualTo(2);
    browser.assertAccessibleAndErrorFree();

    browser.clickAndLoad(By.cssSelector(".language-switcher a[hreflang='fr']"));
    assertThat(lang()).isEqualTo("fr");
    assertThat(driver.findElement(By.tagName("h1")).getText())
        .isEqualTo("Trouver un service public");
    browser.assertAccessibleAndErrorFree();

    WebElement box = driver.findElement(By.id("q"));
    box.sendKeys("passeport");
    browser.clickAndLoad(By.id("search-button"));
    assertThat(lang()).isEqualTo("fr");
    assertThat(driver.findElement(By.id("result-count")).getText()).contains("passeport");
    assertThat(driver.findElements(By.cssSelector("#results .snippet mark"))).isNotEmpty();
    assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEqualTo("passeport");
    browser.assertAccessibleAndErrorFree();

    browser.clickAndLoad(By.linkText("Demander un passeport"));
    assertThat(driver.getCurrentUrl()).endsWith("/services/demander-un-passeport");
    assertThat(lang()).isEqualTo("fr");
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Demander un passeport");
    assertThat(driver.findElement(By.cssSelector(".service-sections")).getText())
        .contains("justificatif de domicile");
    browser.assertAccessibleAndErrorFree();

    browser.clickAndLoad(By.cssSelector(".language-switcher a[hreflang='en']"));
    assertThat(driver.getCurrentUrl()).contains("/services/apply-for-a-passport");
    assertThat(lang()).isEqualTo("en");
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Apply for a passport");
    browser.assertAccessibleAndErrorFree();
  }

  @Test
  void samplestanHasItsOwnPortalOnItsOwnHostName() {
    // Chromium resolves every *.localhost name to the loopback address
    driver.get(base.toString().replace("://localhost:", "://samplestan.localhost:") + "catalogue");

    assertThat(driver.findElement(By.cssSelector(".site-name")).getText())
        .isEqualTo("Government of Samplestan");
    assertThat(driver.findElements(By.linkText("Request a tax transcript"))).hasSize(1);
    assertThat(driver.findElements(By.linkText("Apply for a passport"))).isEmpty();
    browser.assertAccessibleAndErrorFree();
  }

  @Test
  void aWrongAddressGivesAnAccessibleNotFoundPageInThePortalLayout() {
    driver.get(base + "no/such/page");
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
    assertThat(driver.findElements(By.cssSelector(".site-header"))).hasSize(1);
    browser.assertAccessibleAndErrorFree();

    driver.get(base + "services/no-such-service");
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
    browser.assertAccessibleAndErrorFree();
  }

  @Test
  void aFrenchReaderSeesEachServiceOnceWithItsLanguageMarked() {
    // the French versions say "passeport": "passport" finds the services through English
    driver.get(base + "search?lang=fr&q=passport");
    assertThat(resultTitles()).contains("Apply for a passport").doesNotHaveDuplicates();
    assertThat(driver.findElement(By.linkText("Apply for a passport")).getAttribute("lang"))
        .isEqualTo("en");
    browser.assertAccessibleAndErrorFree();

    // both versions of the passport service say "passport" or "passeport": French only
    driver.get(base + "search?lang=fr&q=passport%20OR%20passeport");
    assertThat(resultTitles())
        .contains("Demander un passeport")
        .doesNotContain("Apply for a passport")
        .doesNotHaveDuplicates();
    assertThat(driver.findElement(By.linkText("Demander un passeport")).getAttribute("lang"))
        .isEqualTo("fr");
    browser.assertAccessibleAndErrorFree();
  }

  @Test
  void hostileSearchesShowAMessageNotAnErrorInEitherLanguage() {
    for (String lang : new String[] {"en", "fr"}) {
      for (String q :
          new String[] {
            "%22(*", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "x".repeat(1500), "zzqqxx"
          }) {
        driver.get(base + "search?lang=" + lang + "&q=" + q);

        assertThat(lang()).isEqualTo(lang);
        assertThat(driver.findElement(By.id("search-status")).getText())
            .isNotBlank()
            .doesNotContain("''");
        assertThat(
                driver.findElements(By.tagName("script")).stream()
                    .map(e -> e.getAttribute("innerHTML")))
            .noneMatch(js -> js.contains("alert(1)"));
        browser.assertAccessibleAndErrorFree();
      }
    }
    assertThat(driver.findElement(By.id("search-status")).getText()).contains("l'orthographe");
  }

  private List<String> resultTitles() {
    return driver.findElements(By.cssSelector("#results .result-title a")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private String lang() {
    return driver.findElement(By.tagName("html")).getAttribute("lang");
  }
}
