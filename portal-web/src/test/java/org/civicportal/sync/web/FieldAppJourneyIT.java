package org.civicportal.sync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.civicportal.web.BrowserJourney;
import org.civicportal.web.Http;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The offline field app in headless Chromium: a case worker registers the browser, their assigned
 * request arrives, the network goes away, a note and a status change are made and kept, the page
 * reopens from the device alone, and on reconnect the note lands and the status change, overtaken
 * meanwhile on the server, comes back as a conflict.
 */
class FieldAppJourneyIT extends BrowserJourney {
  private static final String PASSWORD = "Demo!2026";

  private String[] as(String user) {
    return new String[] {"Authorization", Http.basic(user, PASSWORD)};
  }

  private String assignedRequest(String description) throws Exception {
    HttpResponse<String> submitted =
        Http.send(
            base,
            "api/v1/requests",
            "POST",
            "{\"service\":\"road-damage\",\"language\":\"en\",\"answers\":{"
                + "\"kind\":[\"pothole\"],\"dangerous\":[\"no\"],"
                + "\"description\":[\""
                + description
                + "\"],\"address\":[\"2 Field Road\"],\"location\":[\"51.5, -0.12\"]}}",
            "Authorization",
            Http.basic("citizen1", PASSWORD),
            "Idempotency-Key",
            "field-" + System.nanoTime());
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
    String ref = Http.json(submitted).asJsonObject().getString("reference");
    HttpResponse<String> assigned =
        Http.send(
            base,
            "api/v1/requests/" + ref + "/assignment",
            "POST",
            "{\"assignee\":\"caseworker1\"}",
            as("caseworker1"));
    assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
    return ref;
  }

  @Test
  void notesMadeOfflineLandOnReconnectAndAnOvertakenStatusChangeComesBackAsAConflict()
      throws Exception {
    String description = "Field pothole " + System.nanoTime();
    String ref = assignedRequest(description);
    String note = "Cones placed " + System.nanoTime();
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));

    driver.get(base + "login");
    driver.findElement(By.id("loginForm:username")).sendKeys("caseworker1");
    driver.findElement(By.id("loginForm:password")).sendKeys(PASSWORD);
    browser.clickAndLoad(By.id("loginForm:signIn"));
    driver.get(base + "staff/field");
    wait.until(d -> d.findElement(By.id("register")).isDisplayed());
    browser.assertAccessibleAndErrorFree();
    driver.findElement(By.id("register")).click();
    wait.until(d -> d.findElement(By.id("requests")).getText().contains(ref));
    assertThat(driver.findElement(By.id("requests")).getText()).contains(description);
    browser.assertAccessibleAndErrorFree();
    String requestBox =
        driver.findElements(By.cssSelector("#requests article")).stream()
            .filter(e -> e.getText().contains(ref))
            .findFirst()
            .orElseThrow()
            .getAttribute("id");
    String id = requestBox.substring("request-".length());

    ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
    offline.setOffline(true);
    browser.driver().setNetworkConditions(offline);
    // the app redraws its lists at every sync, keeping what is typed: set the text in one step
    // and find the button afresh
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript(
            "document.getElementById(arguments[0]).value = arguments[1]", "note-" + id, note);
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d -> {
              d.findElement(By.id("add-note-" + id)).click();
              return true;
            });
    wait.until(d -> "1".equals(d.findElement(By.id("field-app")).getAttribute("data-waiting")));
    wait.until(
        d -> "offline".equals(d.findElement(By.id("field-app")).getAttribute("data-connection")));
    assertThat(Http.get(base, "api/v1/requests/" + ref, as("caseworker1")).body())
        .doesNotContain(note);

    // meanwhile the request moves on at the office, so the status change made offline is overtaken
    HttpResponse<String> moved =
        Http.send(
            base,
            "api/v1/requests/" + ref + "/transitions",
            "POST",
            "{\"state\":\"triaged\"}",
            as("caseworker1"));
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    new Select(driver.findElement(By.id("state-" + id))).selectByValue("rejected");
    driver.findElement(By.id("move-" + id)).click();
    wait.until(d -> "2".equals(d.findElement(By.id("field-app")).getAttribute("data-waiting")));

    // the page opens again without the network: the service worker's copy, the device's records
    driver.navigate().refresh();
    wait.until(d -> d.findElement(By.id("requests")).getText().contains(ref));
    assertThat(driver.findElement(By.id("field-app")).getAttribute("data-waiting")).isEqualTo("2");

    browser.driver().deleteNetworkConditions();
    wait.until(d -> "0".equals(d.findElement(By.id("field-app")).getAttribute("data-waiting")));
    wait.until(d -> d.findElement(By.id("conflicts")).getText().contains(ref));

    String detail = Http.get(base, "api/v1/requests/" + ref, as("caseworker1")).body();
    assertThat(detail).contains(note).contains("\"state\":\"triaged\"");
    assertThat(driver.findElements(By.cssSelector("#conflicts li[data-status=conflict]")))
        .hasSize(1);
    wait.until(d -> d.findElement(By.id("requests")).getText().contains(note));
    // what the browser logged while it was offline: failed calls to the server, and nothing else
    assertThat(
            driver
                .manage()
                .logs()
                .get(org.openqa.selenium.logging.LogType.BROWSER)
                .getAll()
                .stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(org.openqa.selenium.logging.LogEntry::getMessage))
        .allMatch(m -> m.contains("ERR_INTERNET_DISCONNECTED"));
    browser.assertAccessibleAndErrorFree();
  }

  @Test
  void anAdminAccreditsAndWipesADeviceOnItsPageAndTheAuthorSettlesAConflictOnHis()
      throws Exception {
    String word = "Bilby " + System.nanoTime();
    org.civicportal.sync.client.SyncClient a =
        org.civicportal.sync.client.SyncClient.register(base, "director1", PASSWORD, "Tablet A");
    org.civicportal.sync.client.SyncClient b =
        org.civicportal.sync.client.SyncClient.register(base, "director1", PASSWORD, "Tablet B");
    HttpResponse<String> created =
        Http.send(
            base,
            "api/v1/documents",
            "POST",
            "{\"title\":\""
                + word
                + "\",\"body\":\"First\",\"agency\":\"transport\","
                + "\"classification\":\"OFFICIAL\"}",
            as("director1"));
    long doc = Http.json(created).asJsonObject().getJsonNumber("id").longValue();
    a.pullAll();
    b.pullAll();
    long v = a.held("document", doc).version();
    a.push(
        org.civicportal.sync.client.SyncClient.editDocument(
            "a" + word, doc, v, word + " from A", "A", "OFFICIAL"));
    b.push(
        org.civicportal.sync.client.SyncClient.editDocument(
            "b" + word, doc, v, word + " from B", "B", "OFFICIAL"));
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));

    signIn("admin1");
    driver.get(base + "staff/devices");
    browser.assertAccessibleAndErrorFree();
    org.openqa.selenium.WebElement field =
        driver.findElement(By.cssSelector("#device-" + a.id() + " input[type=text]"));
    field.clear();
    field.sendKeys("SECRET");
    browser.clickAndLoad(By.cssSelector("#device-" + a.id() + " input[value=Accredit]"));
    assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
        .contains("accredited");
    assertThat(
            driver
                .findElement(By.cssSelector("#device-" + a.id() + " input[type=text]"))
                .getAttribute("value"))
        .isEqualTo("SECRET");
    browser.clickAndLoad(By.cssSelector("#device-" + b.id() + " input[value=Wipe]"));
    assertThat(driver.findElement(By.cssSelector("#device-" + b.id() + " .device-state")).getText())
        .isEqualTo("Wiped");
    browser.assertAccessibleAndErrorFree();
    assertThat(b.rawPull(null, 1).statusCode()).isEqualTo(410);

    driver.manage().deleteAllCookies();
    signIn("director1");
    driver.get(base + "staff/conflicts");
    wait.until(d -> d.findElement(By.id("main")).getText().contains(word + " from B"));
    assertThat(driver.findElement(By.id("main")).getText()).contains(word + " from A");
    browser.assertAccessibleAndErrorFree();
    org.openqa.selenium.WebElement section =
        driver.findElements(By.cssSelector("section.conflict")).stream()
            .filter(e -> e.getText().contains(word + " from B"))
            .findFirst()
            .orElseThrow();
    browser.clickAndLoad(
        By.cssSelector("#" + section.getAttribute("id") + " input[id$=keepDevice]"));
    assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("version");
    assertThat(Http.get(base, "api/v1/documents/" + doc, as("director1")).body())
        .contains(word + " from B");
  }

  private void signIn(String user) {
    driver.get(base + "login");
    driver.findElement(By.id("loginForm:username")).sendKeys(user);
    driver.findElement(By.id("loginForm:password")).sendKeys(PASSWORD);
    browser.clickAndLoad(By.id("loginForm:signIn"));
  }
}
