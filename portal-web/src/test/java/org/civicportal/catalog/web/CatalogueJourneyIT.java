package org.civicportal.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.civicportal.web.BrowserJourney;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The catalogue in a real browser: an editor drafts a service and adds its French text, a reviewer
 * publishes it, and a citizen finds it in English, French and Arabic (right to left, with a notice
 * where it has no Arabic text); the high-contrast theme; a tenant admin rebrands the portal and
 * imports a file, following the progress bar to the report. Every page is scanned with axe-core.
 */
class CatalogueJourneyIT extends BrowserJourney {

  @Test
  void editorDraftsReviewerPublishesCitizenFindsItInThreeLanguages() {
    String word = "Kiwiferry" + System.nanoTime() % 1_000_000;
    signIn("editor1", "staff/service");
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("New service");
    browser.assertAccessibleAndErrorFree();
    new Select(driver.findElement(By.id("serviceForm:agency"))).selectByValue("transport");
    new Select(driver.findElement(By.id("serviceForm:category"))).selectByValue("transport");
    driver.findElement(By.id("serviceForm:title")).sendKeys("Book a " + word + " crossing");
    driver.findElement(By.id("serviceForm:summary")).sendKeys("Reserve a seat on the ferry.");
    driver
        .findElement(By.id("serviceForm:body"))
        .sendKeys("Crossings leave every hour.\n\nBring your ticket.");
    browser.clickAndLoad(By.id("serviceForm:create"));
    assertThat(driver.findElement(By.id("serviceState")).getText()).contains("Draft");
    assertThat(driver.findElement(By.id("translations")).getText())
        .contains("English")
        .contains("Missing");
    browser.assertAccessibleAndErrorFree();

    // nothing typed is lost when the server refuses something
    driver.findElement(By.id("serviceForm:fees")).sendKeys("12 dollars");
    driver.findElement(By.id("serviceForm:summary")).clear();
    browser.clickAndLoad(By.id("serviceForm:save"));
    assertThat(driver.findElement(By.id("serviceForm:errors")).getText()).contains("summary");
    assertThat(driver.findElement(By.id("serviceForm:fees")).getAttribute("value"))
        .isEqualTo("12 dollars");
    driver.findElement(By.id("serviceForm:summary")).sendKeys("Reserve a seat on the ferry.");
    browser.clickAndLoad(By.id("serviceForm:save"));
    assertThat(driver.findElement(By.id("serviceForm:notice")).getText()).contains("saved");

    browser.clickAndLoad(By.cssSelector("#translations a[href$='text=fr']"));
    String editorPage = driver.getCurrentUrl();
    driver.findElement(By.id("serviceForm:title")).sendKeys("Réserver une traversée " + word);
    driver.findElement(By.id("serviceForm:summary")).sendKeys("Réservez une place sur le ferry.");
    driver.findElement(By.id("serviceForm:body")).sendKeys("Départ toutes les heures.");
    browser.clickAndLoad(By.id("serviceForm:submit"));
    assertThat(driver.findElement(By.id("serviceState")).getText()).contains("In review");
    browser.assertAccessibleAndErrorFree();
    browser.clickAndLoad(By.id("signOut"));

    driver.get(base + "catalogue");
    assertThat(driver.getPageSource()).doesNotContain(word);

    signIn("reviewer1", editorPage.substring(editorPage.indexOf("staff/")));
    browser.assertAccessibleAndErrorFree();
    browser.clickAndLoad(By.id("serviceForm:publish"));
    assertThat(driver.findElement(By.id("serviceState")).getText()).contains("Published");
    browser.clickAndLoad(By.linkText("History and changes"));
    assertThat(driver.findElement(By.id("revisions")).getText()).contains("Published");
    browser.assertAccessibleAndErrorFree();
    browser.clickAndLoad(By.id("signOut"));

    driver.get(base + "catalogue?lang=en");
    browser.clickAndLoad(By.partialLinkText(word));
    assertThat(driver.findElement(By.tagName("h1")).getText())
        .isEqualTo("Book a " + word + " crossing");
    assertThat(driver.findElement(By.cssSelector(".service-facts")).getText())
        .contains("12 dollars");
    assertThat(driver.findElements(By.cssSelector(".breadcrumbs a")))
        .hasSizeGreaterThanOrEqualTo(3);
    browser.assertAccessibleAndErrorFree();

    browser.clickAndLoad(By.cssSelector(".language-switcher a[hreflang='fr']"));
    assertThat(lang()).isEqualTo("fr");
    assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("Réserver une traversée");
    browser.assertAccessibleAndErrorFree();

    browser.clickAndLoad(By.cssSelector(".language-switcher a[hreflang='ar']"));
    assertThat(lang()).isEqualTo("ar");
    assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
    assertThat(driver.findElement(By.id("fallbackNotice")).getText()).contains("العربية");
    assertThat(driver.findElement(By.tagName("h1")).getAttribute("lang")).isEqualTo("fr");
    browser.assertAccessibleAndErrorFree();
  }

  @Test
  void arabicPagesAreRightToLeftAndMirrored() {
    driver.get(base + "?lang=ar");
    assertThat(lang()).isEqualTo("ar");
    assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
    assertThat(js("return getComputedStyle(document.body).direction")).isEqualTo("rtl");
    // mirrored: the site name sits on the right of the header, the language switcher on the left
    long width = (Long) js("return document.documentElement.clientWidth");
    long nameLeft =
        ((Number) js("return document.querySelector('.site-name').getBoundingClientRect().left"))
            .longValue();
    long switcherRight =
        ((Number)
                js(
                    "return document.querySelector('.language-switcher')"
                        + ".getBoundingClientRect().right"))
            .longValue();
    assertThat(nameLeft).isGreaterThan(width / 2);
    assertThat(switcherRight).isLessThan(width / 2);
    assertThat(driver.findElement(By.tagName("h1")).getText()).isNotBlank();
    browser.assertAccessibleAndErrorFree();

    browser.clickAndLoad(By.id("azLink"));
    assertThat(driver.findElements(By.cssSelector(".az-group"))).isNotEmpty();
    assertThat(driver.findElement(By.tagName("main")).getText())
        .contains("تقديم طلب الحصول على جواز سفر");
    browser.assertAccessibleAndErrorFree();

    browser.clickAndLoad(By.linkText("تقديم طلب الحصول على جواز سفر"));
    assertThat(driver.findElement(By.tagName("h1")).getText())
        .isEqualTo("تقديم طلب الحصول على جواز سفر");
    assertThat(driver.findElements(By.id("fallbackNotice"))).isEmpty();
    browser.assertAccessibleAndErrorFree();

    driver.get(base + "catalogue?lang=ar&category=roads");
    browser.clickAndLoad(By.cssSelector(".az-group a"));
    assertThat(driver.findElement(By.id("fallbackNotice")).getText())
        .contains("العربية")
        .contains("الإنجليزية");
    browser.assertAccessibleAndErrorFree();

    driver.get(base + "catalogue?lang=fr");
    assertThat(lang()).isEqualTo("fr");
    browser.assertAccessibleAndErrorFree();
  }

  @Test
  void aServicePagePrintsItsContentWithoutTheNavigation() {
    driver.get(base + "services/apply-for-a-passport");
    assertThat(js("return getComputedStyle(document.querySelector('.language-switcher')).display"))
        .isNotEqualTo("none");

    ((ChromeDriver) driver)
        .executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));

    for (String hidden :
        List.of(".language-switcher", ".breadcrumbs", ".search-form, #contrastToggle")) {
      assertThat(driver.findElements(By.cssSelector(hidden)))
          .allSatisfy(e -> assertThat(e.isDisplayed()).as(hidden).isFalse());
    }
    assertThat(driver.findElement(By.tagName("h1")).isDisplayed()).isTrue();
    assertThat(driver.findElement(By.cssSelector(".service-sections")).isDisplayed()).isTrue();
    assertThat(js("return getComputedStyle(document.body).backgroundColor"))
        .isIn("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)");
  }

  @Test
  void theHighContrastThemePassesEveryCheckAndIsRemembered() {
    driver.get(base + "?lang=en");
    browser.clickAndLoad(By.id("contrastToggle"));
    assertThat(driver.findElement(By.tagName("body")).getAttribute("class"))
        .contains("theme-high-contrast");
    browser.assertAccessibleAndErrorFree();
    driver.get(base + "services/apply-for-a-passport");
    assertThat(driver.findElement(By.tagName("body")).getAttribute("class"))
        .contains("theme-high-contrast");
    assertThat(js("return getComputedStyle(document.body).backgroundColor"))
        .isEqualTo("rgb(0, 0, 0)");
    browser.assertAccessibleAndErrorFree();
    driver.get(base + "catalogue?lang=ar");
    browser.assertAccessibleAndErrorFree();
    browser.clickAndLoad(By.id("contrastToggle"));
    assertThat(driver.findElement(By.tagName("body")).getAttribute("class"))
        .doesNotContain("theme-high-contrast");
  }

  @Test
  void aTenantAdminRebrandsThePortalAndImportsAFileWithAProgressBar() throws Exception {
    signIn("admin1", "staff/branding");
    browser.assertAccessibleAndErrorFree();
    driver.findElement(By.id("brandingForm:colour")).clear();
    driver.findElement(By.id("brandingForm:colour")).sendKeys("#777777");
    browser.clickAndLoad(By.id("brandingForm:saveBranding"));
    assertThat(driver.findElement(By.id("brandingForm:messages")).getText())
        .contains("fails WCAG AA");
    assertThat(driver.findElement(By.id("brandingForm:colour")).getAttribute("value"))
        .isEqualTo("#777777");
    browser.assertAccessibleAndErrorFree();

    driver.findElement(By.id("brandingForm:colour")).clear();
    driver.findElement(By.id("brandingForm:colour")).sendKeys("#5a2d82");
    String name = driver.findElement(By.id("brandingForm:portalName")).getAttribute("value");
    driver.findElement(By.id("brandingForm:portalName")).clear();
    driver.findElement(By.id("brandingForm:portalName")).sendKeys("Demoland Services");
    browser.clickAndLoad(By.id("brandingForm:saveBranding"));
    assertThat(driver.findElement(By.id("notice")).getText()).contains("saved");
    driver.get(base + "?lang=en");
    assertThat(driver.findElement(By.cssSelector(".site-name")).getText())
        .isEqualTo("Demoland Services");
    assertThat(
            js("return getComputedStyle(document.querySelector('.site-header')).backgroundColor"))
        .isEqualTo("rgb(90, 45, 130)");
    browser.assertAccessibleAndErrorFree();

    String run = Long.toString(System.nanoTime() % 1_000_000);
    StringBuilder file = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      file.append(
              "{\"externalId\":\"journey-"
                  + run
                  + "-"
                  + i
                  + "\",\"lang\":\"en\",\"title\":\"Imported ")
          .append(run)
          .append(" number ")
          .append(i)
          .append(
              "\",\"summary\":\"S\",\"body\":\"B\",\"agency\":\"transport\",\"state\":\"published\"}\n");
    }
    file.append("{\"externalId\":\"broken\"}\n");
    Path upload = Files.createTempFile("services-", ".jsonl");
    Files.writeString(upload, file, StandardCharsets.UTF_8);
    driver.get(base + "staff/import");
    browser.assertAccessibleAndErrorFree();
    driver.findElement(By.id("importForm:file")).sendKeys(upload.toAbsolutePath().toString());
    browser.clickAndLoad(By.id("importForm:start"));
    assertThat(driver.getCurrentUrl()).contains("staff/import?job=");
    assertThat(driver.findElement(By.id("importProgress")).getAttribute("max")).isEqualTo("61");
    new WebDriverWait(driver, Duration.ofSeconds(60))
        .until(d -> d.findElement(By.id("jobState")).getText().equals("Finished"));
    assertThat(driver.findElement(By.id("importProgress")).getAttribute("value")).isEqualTo("61");
    assertThat(driver.findElement(By.id("created")).getText()).isEqualTo("60");
    assertThat(driver.findElement(By.id("rejected")).getText()).contains("61").contains("missing");
    browser.assertAccessibleAndErrorFree();

    driver.get(base + "staff/branding");
    driver.findElement(By.id("brandingForm:colour")).clear();
    driver.findElement(By.id("brandingForm:portalName")).clear();
    driver.findElement(By.id("brandingForm:portalName")).sendKeys(name);
    browser.clickAndLoad(By.id("brandingForm:saveBranding"));
    Files.deleteIfExists(upload);
  }

  private void signIn(String username, String next) {
    driver.get(
        base + "login?next=" + java.net.URLEncoder.encode("/" + next, StandardCharsets.UTF_8));
    driver.findElement(By.id("loginForm:username")).sendKeys(username);
    driver.findElement(By.id("loginForm:password")).sendKeys("Demo!2026");
    browser.clickAndLoad(By.id("loginForm:signIn"));
  }

  private Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  private String lang() {
    return driver.findElement(By.tagName("html")).getAttribute("lang");
  }
}
