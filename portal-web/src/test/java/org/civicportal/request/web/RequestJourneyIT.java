package org.civicportal.request.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.civicportal.web.BrowserJourney;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A citizen in a real browser makes a request of "Report a pothole or road damage" one question at
 * a time, with a photo, after a mistake that loses nothing; a case worker takes it, writes and
 * resolves it; the citizen follows every step. Every page is scanned with axe-core.
 */
class RequestJourneyIT extends BrowserJourney {
  static final String PASSWORD = "Demo!2026";
  static final byte[] PNG =
      Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

  @Test
  void aCitizenSubmitsWithAFileACaseWorkerResolvesItAndTheCitizenFollows() throws Exception {
    signIn("citizen1");
    driver.get(base + "services/report-a-pothole-or-road-damage");
    browser.assertAccessibleAndErrorFree();
    browser.clickAndLoad(By.id("startRequest"));

    // 1. what is damaged: continue without an answer, then answer
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("What is damaged?");
    browser.assertAccessibleAndErrorFree();
    browser.clickAndLoad(By.id("continue"));
    assertThat(driver.findElement(By.id("errorSummary")).getText())
        .contains("Answer this question");
    browser.assertAccessibleAndErrorFree();
    driver.findElement(By.cssSelector("input[value='pothole']")).click();
    browser.clickAndLoad(By.id("continue"));
    // 2. dangerous? yes brings the conditional question
    driver.findElement(By.cssSelector("input[value='yes']")).click();
    browser.clickAndLoad(By.id("continue"));
    assertThat(driver.findElement(By.tagName("h1")).getText())
        .isEqualTo("What makes it dangerous?");
    driver.findElement(By.id("answer")).sendKeys("It is 20 cm deep <b>really</b>");
    browser.clickAndLoad(By.id("continue"));
    // the description, too long for its 2000 characters: the text typed is kept
    driver.findElement(By.id("answer")).sendKeys("x".repeat(2001));
    browser.clickAndLoad(By.id("continue"));
    assertThat(driver.findElement(By.id("errorSummary")).getText()).contains("2000");
    assertThat(driver.findElement(By.id("answer")).getAttribute("value")).hasSize(2001);
    browser.assertAccessibleAndErrorFree();
    driver.findElement(By.id("answer")).clear();
    driver.findElement(By.id("answer")).sendKeys("A hole in the middle of the road");
    browser.clickAndLoad(By.id("continue"));
    driver.findElement(By.id("answer")).sendKeys("10 Station Road");
    browser.clickAndLoad(By.id("continue"));
    browser.clickAndLoad(By.id("continue")); // no location: optional
    // the photo: first one larger than the service takes, then one that is not an image
    Path big = Files.createTempFile("big", ".png");
    byte[] bytes = new byte[6 * 1024 * 1024];
    System.arraycopy(PNG, 0, bytes, 0, PNG.length);
    Files.write(big, bytes);
    driver.findElement(By.id("answer")).sendKeys(big.toString());
    browser.clickAndLoad(By.id("continue"));
    assertThat(driver.findElement(By.id("errorSummary")).getText()).contains("6.0 MB", "5.0 MB");
    Path fake = Files.createTempFile("photo", ".png");
    Files.writeString(fake, "<script>alert(1)</script>");
    driver.findElement(By.id("answer")).sendKeys(fake.toString());
    browser.clickAndLoad(By.id("continue"));
    assertThat(driver.findElement(By.id("errorSummary")).getText())
        .contains("only these kinds of file");
    browser.assertAccessibleAndErrorFree();
    Path photo = Files.createTempFile("pothole", ".png");
    Files.write(photo, PNG);
    driver.findElement(By.id("answer")).sendKeys(photo.toString());
    browser.clickAndLoad(By.id("continue"));

    // check the answers, then send
    assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Check your answers");
    String answers = driver.findElement(By.id("answers")).getText();
    assertThat(answers)
        .contains(
            "A pothole",
            "It is 20 cm deep <b>really</b>",
            "10 Station Road",
            photo.getFileName().toString());
    browser.assertAccessibleAndErrorFree();
    browser.clickAndLoad(By.id("submitRequest"));
    String reference = driver.findElement(By.id("reference")).getText();
    assertThat(reference).matches("DEM-\\d{4}-\\d{6}");
    browser.assertAccessibleAndErrorFree();
    driver.navigate().back();
    // the back button after sending does not make a second request
    driver.get(base + "requests/mine");
    assertThat(driver.findElement(By.id("myRequests")).getText()).containsOnlyOnce(reference);
    browser.assertAccessibleAndErrorFree();

    // a case worker takes it on
    signOutAndIn("caseworker1");
    driver.get(base + "staff/requests");
    assertThat(driver.findElement(By.id("queue")).getText()).contains(reference);
    browser.assertAccessibleAndErrorFree();
    driver.get(base + "staff/request?ref=" + reference);
    browser.assertAccessibleAndErrorFree();
    browser.clickAndLoad(By.id("handleForm:assignMe"));
    assertThat(driver.findElement(By.id("assignee")).getText()).isEqualTo("caseworker1");
    browser.clickAndLoad(By.cssSelector(".move-triaged"));
    driver.findElement(By.id("handleForm:publicNote")).sendKeys("A crew will fill it this week.");
    browser.clickAndLoad(By.cssSelector(".move-in-progress"));
    driver.findElement(By.id("threadForm:message")).sendKeys("Thank you, we are on our way.");
    browser.clickAndLoad(By.id("threadForm:sendMessage"));
    driver.findElement(By.id("threadForm:note")).sendKeys("Use the cold patch.");
    browser.clickAndLoad(By.id("threadForm:addNote"));
    browser.clickAndLoad(By.cssSelector(".move-resolved"));
    assertThat(driver.findElement(By.id("state")).getText()).isEqualTo("Resolved");
    browser.assertAccessibleAndErrorFree();

    // the citizen sees every step, and nothing internal
    signOutAndIn("citizen1");
    driver.get(base + "requests/view?ref=" + reference);
    assertThat(driver.findElement(By.id("state")).getText()).isEqualTo("Resolved");
    assertThat(driver.findElement(By.id("history")).getText())
        .contains(
            "Submitted", "Triaged", "In progress", "A crew will fill it this week.", "Resolved");
    assertThat(driver.findElement(By.id("messages")).getText())
        .contains("Thank you, we are on our way.");
    assertThat(driver.getPageSource()).doesNotContain("cold patch");
    browser.assertAccessibleAndErrorFree();
    driver.findElement(By.id("body")).sendKeys("Thanks!");
    browser.clickAndLoad(By.id("send"));
    assertThat(driver.findElement(By.id("messages")).getText()).contains("Thanks!");
  }

  @Test
  void aLostSessionLosesNothingTypedAndDraftsWaitInMyRequests() {
    signIn("citizen2");
    driver.get(base + "services/report-a-pothole-or-road-damage");
    browser.clickAndLoad(By.id("startRequest"));
    driver.findElement(By.cssSelector("input[value='street-light']")).click();
    browser.clickAndLoad(By.id("continue"));
    String draftPage = driver.getCurrentUrl();
    // the session ends (a timeout, a restart): the answers given are still there
    driver.manage().deleteAllCookies();
    driver.findElement(By.cssSelector("input[value='no']")).click();
    browser.clickAndLoad(By.id("continue"));
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Describe the damage");
    browser.clickAndLoad(By.cssSelector(".back-link"));
    assertThat(driver.findElement(By.cssSelector("input[value='no']")).isSelected()).isTrue();
    browser.clickAndLoad(By.cssSelector(".back-link"));
    assertThat(driver.findElement(By.cssSelector("input[value='street-light']")).isSelected())
        .isTrue();
    // signed in again, the unsent request waits in "My requests"
    signIn("citizen2");
    driver.get(base + "requests/mine");
    assertThat(driver.findElement(By.id("unsent")).getText())
        .contains("Report a pothole or road damage");
    browser.assertAccessibleAndErrorFree();
    assertThat(draftPage).contains("draft=");
  }

  @Test
  void anEditorBuildsAFormQuestionByQuestion() throws Exception {
    jakarta.json.JsonArray services =
        (jakarta.json.JsonArray)
            org.civicportal.web.Http.json(
                org.civicportal.web.Http.get(base, "api/v1/services?lang=en"));
    long id =
        services.stream()
            .map(v -> v.asJsonObject())
            .filter(o -> o.getString("slug").contains("parking"))
            .findFirst()
            .orElseThrow()
            .getJsonNumber("id")
            .longValue();
    signIn("editor1");
    driver.get(base + "staff/service-form?id=" + id);
    assertThat(driver.findElement(By.id("formStatus")).getText()).contains("standard form");
    browser.assertAccessibleAndErrorFree();
    browser.clickAndLoad(By.id("formBuilder:add"));
    int last = driver.findElements(By.cssSelector("#questions > li")).size() - 1;
    // fields of the new, last question, found by their labels' order
    java.util.List<org.openqa.selenium.WebElement> codes =
        driver.findElements(By.cssSelector("input[id$=':code']"));
    codes.get(last).clear();
    codes.get(last).sendKeys("plate");
    driver
        .findElements(By.cssSelector("input[id$=':label']"))
        .get(last * 3)
        .sendKeys("Number plate");
    driver.findElements(By.cssSelector("input[id$=':pattern']")).get(last).sendKeys("(");
    driver.findElements(By.cssSelector("input[id$=':required']")).get(last).click();
    browser.clickAndLoad(By.id("formBuilder:save"));
    assertThat(driver.findElement(By.id("messages")).getText())
        .contains("not a regular expression");
    assertThat(
            driver
                .findElements(By.cssSelector("input[id$=':code']"))
                .get(last)
                .getAttribute("value"))
        .isEqualTo("plate");
    browser.assertAccessibleAndErrorFree();
    org.openqa.selenium.WebElement pattern =
        driver.findElements(By.cssSelector("input[id$=':pattern']")).get(last);
    pattern.clear();
    pattern.sendKeys("[A-Z0-9 ]{2,10}");
    browser.clickAndLoad(By.id("formBuilder:save"));
    assertThat(driver.findElement(By.id("messages")).getText()).contains("saved in the draft");
    String form =
        org.civicportal.web.Http.get(
                base,
                "api/v1/services/" + id + "/form",
                "Authorization",
                org.civicportal.web.Http.basic("editor1", PASSWORD))
            .body();
    assertThat(form)
        .contains("\"own\":true", "\"code\":\"plate\"", "Number plate", "[A-Z0-9 ]{2,10}");
  }

  private void signIn(String user) {
    driver.get(base + "login");
    driver.findElement(By.id("loginForm:username")).sendKeys(user);
    driver.findElement(By.id("loginForm:password")).sendKeys(PASSWORD);
    browser.clickAndLoad(By.id("loginForm:signIn"));
  }

  private void signOutAndIn(String user) {
    driver.manage().deleteAllCookies();
    signIn(user);
  }
}
