package org.civicportal.indexing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.civicportal.web.BrowserJourney;
import org.civicportal.web.Http;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An employee in a real browser finds a document by a word inside its attached PDF, narrows the
 * results with facets that count only what they may see, pages on, and saves the search; a reader
 * below the document's label gets nothing. Pages are scanned with axe-core.
 */
class StaffSearchJourneyIT extends BrowserJourney {
  static final String PASSWORD = "Demo!2026";

  @Test
  void anEmployeeFindsADocumentByAWordInItsPdfAndSavesTheSearch() throws Exception {
    for (int i = 0; i < 22; i++) {
      Http.send(
          base,
          "api/v1/documents",
          "POST",
          "{\"title\":\"Kelpforest note "
              + i
              + "\",\"body\":\"About the kelpforest.\","
              + "\"agency\":\"transport\",\"classification\":\"OFFICIAL\"}",
          "Authorization",
          Http.basic("analyst1", PASSWORD));
    }
    HttpResponse<String> created =
        Http.send(
            base,
            "api/v1/documents",
            "POST",
            "{\"title\":\"Dive log\",\"body\":\"See the attached log.\",\"agency\":\"transport\","
                + "\"classification\":\"SECRET\"}",
            "Authorization",
            Http.basic("analyst1", PASSWORD));
    long id = ((jakarta.json.JsonObject) Http.json(created)).getJsonNumber("id").longValue();
    HttpResponse<String> attached =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(base.toString())
                            .resolve("api/v1/documents/" + id + "/attachments?name=log.pdf"))
                    .header("Authorization", Http.basic("analyst1", PASSWORD))
                    .POST(
                        HttpRequest.BodyPublishers.ofByteArray(
                            org.civicportal.web.TestFiles.pdf(
                                "Divers saw the kelpforest and a wreck.")))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(attached.statusCode()).isEqualTo(201);

    signIn("analyst1");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    do {
      driver.get(base + "staff/search?q=kelpforest");
    } while (!driver.findElement(By.id("result-count")).getText().startsWith("23")
        && System.nanoTime() < deadline);
    assertThat(driver.findElement(By.id("result-count")).getText()).startsWith("23");
    assertThat(driver.findElement(By.id("facet-level")).getText())
        .contains("OFFICIAL (22)", "SECRET (1)");
    browser.assertAccessibleAndErrorFree();
    // narrow to SECRET: the dive log, found by the word in its PDF, with its portion mark
    browser.clickAndLoad(By.linkText("SECRET"));
    assertThat(driver.findElement(By.id("result-count")).getText()).startsWith("1 ");
    assertThat(driver.findElement(By.id("results")).getText())
        .contains("(SECRET)", "Dive log", "kelpforest");
    driver.get(base + "staff/search?q=kelpforest");
    // page on: the first page holds 20, the next the rest
    assertThat(driver.findElements(By.cssSelector("#results > li"))).hasSize(20);
    browser.clickAndLoad(By.id("nextPage"));
    assertThat(driver.findElements(By.cssSelector("#results > li"))).hasSize(3);
    driver.findElement(By.id("saveForm:saveName")).sendKeys("Kelp");
    browser.clickAndLoad(By.id("saveForm:save"));
    assertThat(driver.findElement(By.id("saved")).getText()).contains("Kelp");
    browser.assertAccessibleAndErrorFree();

    driver.manage().deleteAllCookies();
    signIn("officer1");
    driver.get(base + "staff/search?q=kelpforest");
    assertThat(driver.findElement(By.id("result-count")).getText()).startsWith("22");
    assertThat(driver.findElement(By.id("facet-level")).getText()).doesNotContain("SECRET");
    assertThat(driver.getPageSource()).doesNotContain("Dive log");
    assertThat(driver.findElement(By.id("saved")).getText()).doesNotContain("Kelp");
  }

  private void signIn(String user) {
    driver.get(base + "login");
    driver.findElement(By.id("loginForm:username")).sendKeys(user);
    driver.findElement(By.id("loginForm:password")).sendKeys(PASSWORD);
    browser.clickAndLoad(By.id("loginForm:signIn"));
  }
}
