package org.civicportal.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.civicportal.web.BrowserJourney;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A tenant admin in a real browser adds an employee with a clearance, roles and an agency, is
 * refused a clearance above their own without losing what they typed, and changes the employee's
 * roles; the new employee signs in. Other staff cannot reach the page. Every page is scanned with
 * axe-core.
 */
class EmployeeManagementJourneyIT extends BrowserJourney {

  @Test
  void aTenantAdminAddsAndChangesAnEmployeeWithinTheirOwnClearance() {
    String username = "clerk" + System.nanoTime() % 1_000_000;
    signIn("admin1", "Demo!2026", "staff/employees");
    assertThat(driver.findElement(By.id("employees")).getText())
        .contains("analyst1")
        .contains("SECRET");
    browser.assertAccessibleAndErrorFree();

    driver.findElement(By.id("employeeForm:username")).sendKeys(username);
    driver.findElement(By.id("employeeForm:password")).sendKeys("Correct-Horse-42");
    driver.findElement(By.id("employeeForm:clearance")).sendKeys("TOP SECRET");
    driver
        .findElement(By.cssSelector("input[name='employeeForm:roles'][value='case-worker']"))
        .click();
    driver
        .findElement(By.cssSelector("input[name='employeeForm:agencies'][value='transport']"))
        .click();
    browser.clickAndLoad(By.id("employeeForm:create"));
    assertThat(driver.findElement(By.id("employeeForm:messages")).getText())
        .contains("above your own");
    assertThat(driver.findElement(By.id("employeeForm:username")).getAttribute("value"))
        .isEqualTo(username);
    browser.assertAccessibleAndErrorFree();

    driver.findElement(By.id("employeeForm:clearance")).clear();
    driver.findElement(By.id("employeeForm:clearance")).sendKeys("OFFICIAL-SENSITIVE");
    driver.findElement(By.id("employeeForm:password")).sendKeys("Correct-Horse-42");
    browser.clickAndLoad(By.id("employeeForm:create"));
    assertThat(driver.getCurrentUrl()).contains("staff/employee?username=" + username);
    assertThat(driver.findElement(By.id("notice")).getText()).contains("added");
    assertThat(driver.findElement(By.id("employeeForm:clearance")).getAttribute("value"))
        .isEqualTo("OFFICIAL-SENSITIVE");
    browser.assertAccessibleAndErrorFree();

    driver
        .findElement(By.cssSelector("input[name='employeeForm:roles'][value='agency-editor']"))
        .click();
    browser.clickAndLoad(By.id("employeeForm:save"));
    assertThat(driver.findElement(By.id("employeeForm:infos")).getText()).contains("saved");
    driver.get(base + "staff/employees");
    assertThat(driver.findElement(By.id("employees")).getText())
        .contains(username)
        .contains("agency-editor")
        .contains("case-worker");
    browser.clickAndLoad(By.id("signOut"));

    signIn(username, "Correct-Horse-42", "staff/services");
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Services");
    driver.get(base + "staff/employees");
    assertThat(driver.findElement(By.tagName("h1")).getText()).isNotEqualTo("Employees");
  }

  private void signIn(String username, String password, String next) {
    driver.get(base + "login?next=" + URLEncoder.encode("/" + next, StandardCharsets.UTF_8));
    driver.findElement(By.id("loginForm:username")).sendKeys(username);
    driver.findElement(By.id("loginForm:password")).sendKeys(password);
    browser.clickAndLoad(By.id("loginForm:signIn"));
  }
}
