package org.civicportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, offline (no Selenium Manager, no background
 * traffic), with the checks every page visit gets: no JavaScript errors, nothing refused by the
 * page's Content-Security-Policy, and no axe-core violation at WCAG 2.1 A and AA.
 */
public final class Browser implements AutoCloseable {
  private static final List<String> WCAG_21_AA =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
  private final ChromeDriver driver;
  private final Path profile;

  public Browser(String acceptLanguage) {
    try {
      profile = Files.createTempDirectory("civic-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--lang=" + acceptLanguage,
        "--user-data-dir=" + profile);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  public ChromeDriver driver() {
    return driver;
  }

  /**
   * Clicks something that loads a new page, and waits until the old page is gone and the new one
   * has loaded: a click returns as soon as the event is dispatched, before a form post and its
   * redirect end.
   */
  public void clickAndLoad(By target) {
    WebElement html = driver.findElement(By.tagName("html"));
    WebElement element = driver.findElement(target);
    // a button whose centre lies just below the fold gets focus but no click in headless Chromium
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    // The old page is gone once its root element can no longer be asked anything. Chromium may say
    // so
    // with a stale-element error or with "node does not belong to the document": both mean gone.
    wait.until(
        d -> {
          try {
            html.isEnabled();
            return false;
          } catch (WebDriverException gone) {
            return true;
          }
        });
    wait.until(
        d ->
            "complete"
                .equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  /** Fails on any JavaScript error logged so far and on any axe violation of the current page. */
  public void assertAccessibleAndErrorFree() {
    List<String> errors =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            // a script or style the page's Content-Security-Policy refused fails the page too, at
            // whatever level Chromium reports it
            .filter(
                e ->
                    e.getLevel().intValue() >= Level.SEVERE.intValue()
                        || e.getMessage().contains("Content Security Policy"))
            .map(LogEntry::getMessage)
            // the page's own status (an expected 404) is logged by Chromium as a failed load: not a
            // script error
            .filter(m -> !m.startsWith(driver.getCurrentUrl() + " - Failed to load resource"))
            .toList();
    assertThat(errors).as("JavaScript errors on " + driver.getCurrentUrl()).isEmpty();
    Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
    assertThat(results.getViolations())
        .as(
            "axe violations on "
                + driver.getCurrentUrl()
                + ": "
                + describe(results.getViolations()))
        .isEmpty();
  }

  private static String describe(List<Rule> violations) {
    return violations.stream()
        .map(
            v ->
                v.getId()
                    + " ("
                    + v.getImpact()
                    + "): "
                    + v.getHelp()
                    + " at "
                    + v.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget()))
                        .collect(Collectors.joining(", ")))
        .collect(Collectors.joining("; "));
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temp profile is harmless
    }
  }
}
