package org.civicportal.document.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.civicportal.web.BrowserJourney;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Staff in a real browser: director1 writes a TOP SECRET document through the form; analyst1 signs
 * in, sees the banner of the highest label on the page, top and bottom, and cannot open, list or
 * find that document. Every page is scanned with axe-core.
 */
class StaffClassificationJourneyIT extends BrowserJourney {

  @Test
  void analystSeesBannersAndNeverTheDirectorsTopSecretDocument() {
    String word = "quillfeather" + System.nanoTime();
    signIn("director1");
    driver.get(base + "staff/new-document");
    assertThat(banner("top")).isEqualTo("OFFICIAL");
    browser.assertAccessibleAndErrorFree();
    driver.findElement(By.id("documentForm:title")).sendKeys("Harbour operation " + word);
    driver.findElement(By.id("documentForm:agency")).sendKeys("transport");
    driver.findElement(By.id("documentForm:classification")).sendKeys("TOP SECRET//BRAVO");
    driver
        .findElement(By.id("documentForm:body"))
        .sendKeys("The " + word + " team lands at midnight.");
    browser.clickAndLoad(By.id("documentForm:save"));
    assertThat(banner("top")).isEqualTo("TOP SECRET//BRAVO");
    assertThat(banner("bottom")).isEqualTo("TOP SECRET//BRAVO");
    String secretAddress = driver.getCurrentUrl();
    browser.assertAccessibleAndErrorFree();
    browser.clickAndLoad(By.id("edit"));
    driver.findElement(By.id("editForm:classification")).clear();
    driver.findElement(By.id("editForm:classification")).sendKeys("SECRET");
    browser.clickAndLoad(By.id("editForm:save"));
    assertThat(driver.findElement(By.id("editForm:messages")).getText()).contains("cannot lower");
    assertThat(driver.findElement(By.id("editForm:title")).getAttribute("value")).contains(word);
    assertThat(banner("top")).isEqualTo("TOP SECRET//BRAVO");
    browser.assertAccessibleAndErrorFree();
    browser.clickAndLoad(By.id("signOut"));

    signIn("analyst1");
    assertThat(driver.getCurrentUrl()).endsWith("/staff/documents");
    assertThat(banner("top")).startsWith("SECRET//ALPHA").isEqualTo(banner("bottom"));
    assertThat(driver.findElement(By.id("documents")).getText())
        .contains("(SECRET//ALPHA)")
        .doesNotContain("TOP SECRET")
        .doesNotContain(word);
    browser.assertAccessibleAndErrorFree();

    driver.get(secretAddress);
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
    assertThat(driver.getPageSource()).doesNotContain(word);
    browser.assertAccessibleAndErrorFree();

    driver.get(base + "search?lang=en&q=" + word);
    assertThat(driver.findElement(By.id("result-count")).getText()).startsWith("No results");
    browser.assertAccessibleAndErrorFree();
  }

  @Test
  void auditorsBrowseAndFilterTheLogOthersAreTurnedAway() {
    signIn("auditor1");
    driver.get(base + "staff/audit");

    assertThat(driver.findElement(By.id("verification")).getText()).contains("intact");
    assertThat(driver.findElements(By.cssSelector("#entries tbody tr"))).isNotEmpty();
    browser.assertAccessibleAndErrorFree();
    new Select(driver.findElement(By.id("action"))).selectByValue("LOGIN");
    browser.clickAndLoad(By.id("filter"));
    assertThat(driver.findElements(By.cssSelector("#entries .audit-action")))
        .isNotEmpty()
        .allSatisfy(cell -> assertThat(cell.getText()).isEqualTo("LOGIN"));
    assertThat(banner("top")).isEqualTo(banner("bottom"));
    browser.assertAccessibleAndErrorFree();
    browser.clickAndLoad(By.id("signOut"));

    signIn("analyst1");
    driver.get(base + "staff/audit");
    assertThat(driver.findElement(By.id("notPermitted")).getText()).contains("Only the auditors");
    assertThat(driver.findElements(By.id("entries"))).isEmpty();
  }

  private void signIn(String username) {
    driver.get(base + "login?next=/staff/documents");
    driver.findElement(By.id("loginForm:username")).sendKeys(username);
    driver.findElement(By.id("loginForm:password")).sendKeys("Demo!2026");
    browser.clickAndLoad(By.id("loginForm:signIn"));
  }

  private String banner(String position) {
    return driver
        .findElement(By.id("banner-" + position))
        .getText()
        .replaceFirst("^Classification:\\s*", "")
        .strip();
  }
}
