package com.kompaas.webhooks.it.system;

import java.net.URI;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a person does in the console before anything else: sign in on the login page. */
final class Console {

  private Console() {}

  /**
   * Opens the application, lands on the login page, signs in and waits for the console.
   *
   * @param base the application's root, such as {@code http://127.0.0.1:8080}
   */
  static void signIn(WebDriver driver, URI base, String login, String password) {
    driver.get(base.resolve("/").toString());
    var wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username")));
    driver.findElement(By.id("login:username")).sendKeys(login);
    driver.findElement(By.id("login:password")).sendKeys(password);
    driver.findElement(By.id("login:submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("caller:signOut")));
  }
}
