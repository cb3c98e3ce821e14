package org.civicportal.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicportal.web.BrowserJourney;
import org.civicportal.web.ItDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * A citizen in a real browser, with the portal's e-mails caught by a real SMTP server (GreenMail on
 * 127.0.0.1): register, fail to sign in before confirming, confirm with the mailed link, sign in,
 * forget the password and set a new one through the mailed link. Every page is scanned with
 * axe-core.
 */
class CitizenAccountJourneyIT extends BrowserJourney {
  @RegisterExtension
  static final GreenMailExtension MAIL =
      new GreenMailExtension(
          new ServerSetup(ItDatabase.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  private static final Pattern LINK = Pattern.compile("(https?://\\S+)");

  @Test
  void registerConfirmSignInAndResetAForgottenPassword() throws Exception {
    String username = "resident" + (System.nanoTime() % 1_000_000);
    String email = username + "@example.org";

    driver.get(base + "register");
    browser.assertAccessibleAndErrorFree();
    driver.findElement(By.id("registerForm:username")).sendKeys(username);
    driver.findElement(By.id("registerForm:email")).sendKeys(email);
    driver.findElement(By.id("registerForm:password")).sendKeys("short");
    browser.clickAndLoad(By.id("registerForm:register"));
    assertThat(driver.findElement(By.id("registerForm:messages")).getText())
        .contains("12 characters");
    assertThat(driver.findElement(By.id("registerForm:email")).getAttribute("value"))
        .isEqualTo(email);
    browser.assertAccessibleAndErrorFree();
    driver.findElement(By.id("registerForm:password")).sendKeys("river otter lantern");
    browser.clickAndLoad(By.id("registerForm:register"));
    assertThat(driver.findElement(By.id("registered")).getText()).contains("e-mail");

    signIn(username, "river otter lantern");
    assertThat(driver.findElement(By.id("loginForm:messages")).getText())
        .contains("Sign-in failed");
    browser.assertAccessibleAndErrorFree();

    driver.get(link(lastMailTo(email, 1)));
    assertThat(driver.findElement(By.id("verification")).getText()).contains("confirmed");
    browser.assertAccessibleAndErrorFree();
    signIn(username, "river otter lantern");
    assertThat(driver.findElements(By.id("loginForm"))).isEmpty();
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Find a public service");

    driver.get(base + "reset");
    driver.findElement(By.id("resetForm:email")).sendKeys(email);
    browser.clickAndLoad(By.id("resetForm:send"));
    assertThat(driver.findElement(By.id("resetRequested")).getText()).contains("If an account");
    browser.assertAccessibleAndErrorFree();
    driver.get(link(lastMailTo(email, 2)));
    driver.findElement(By.id("newPasswordForm:password")).sendKeys("harbour kettle meadow");
    browser.clickAndLoad(By.id("newPasswordForm:save"));
    assertThat(driver.findElement(By.id("passwordChanged")).getText()).contains("changed");
    browser.assertAccessibleAndErrorFree();

    signIn(username, "harbour kettle meadow");
    assertThat(driver.findElements(By.id("loginForm"))).isEmpty();
  }

  private void signIn(String username, String password) {
    driver.get(base + "login");
    driver.findElement(By.id("loginForm:username")).sendKeys(username);
    driver.findElement(By.id("loginForm:password")).sendKeys(password);
    browser.clickAndLoad(By.id("loginForm:signIn"));
  }

  private static MimeMessage lastMailTo(String email, int count) {
    assertThat(MAIL.waitForIncomingEmail(10_000, count)).isTrue();
    MimeMessage[] messages = MAIL.getReceivedMessagesForDomain(email);
    assertThat(messages).hasSize(count);
    return messages[count - 1];
  }

  private static String link(MimeMessage message) {
    Matcher matcher = LINK.matcher(GreenMailUtil.getBody(message));
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }
}
