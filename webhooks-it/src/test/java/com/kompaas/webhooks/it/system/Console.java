package com.kompaas.webhooks.it.system;

import com.kompaas.webhooks.it.Await;
import java.net.URI;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a person does in the console before anything else: sign in on the login page. */
final class Console {

  private static final Duration PATIENCE = Duration.ofMinutes(2);

  private Console() {}

  /**
   * Opens the application, lands on the login page, signs in and waits for the console. Tries again
   * while the application is not answering: after a restart with the same root, Payara Micro
   * redeploys the application once more after it has reported ready.
   *
   * @param base the application's root, such as {@code http://127.0.0.1:8080}
   */
  static void signIn(WebDriver driver, URI base, String login, String password) {
    WebDriverException[] last = {null};
    try {
      Await.until(
          "signing in as " + login + " at " + base,
          PATIENCE,
          Duration.ofMillis(200),
          () -> {
            try {
              attempt(driver, base, login, password);
              return true;
            } catch (WebDriverException e) {
              last[0] = e;
              return false;
            }
          });
    } catch (AssertionError e) {
      if (last[0] != null) {
        e.addSuppressed(last[0]);
      }
      throw e;
    }
  }

  private static void attempt(WebDriver driver, URI base, String login, String password) {
    driver.get(base.resolve("/").toString());
    var wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username")));
    driver.findElement(By.id("login:username")).sendKeys(login);
    driver.findElement(By.id("login:password")).sendKeys(password);
    driver.findElement(By.id("login:submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("caller:signOut")));
  }
}
