package org.civicportal.web;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebDriver;

/**
 * What every browser journey shares: the real WAR deployed once for the class, tested from outside,
 * and a fresh headless Chromium per test (English by default).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class BrowserJourney {

  @Deployment(testable = false)
  public static WebArchive deployment() {
    return Deployments.portal();
  }

  @ArquillianResource protected URL base;
  protected Browser browser;
  protected WebDriver driver;

  @BeforeEach
  void openBrowser() {
    browser = new Browser("en-GB");
    driver = browser.driver();
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }
}
