package com.kompaas.webhooks.it.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kompaas.webhooks.it.ConsoleHttp;
import com.kompaas.webhooks.it.TestInfrastructure;
import com.kompaas.webhooks.launcher.EmbeddedBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in English and Russian, in headless Chromium against the packaged uber jar: the
 * browser's language by default, the EN / RU switch of the top bar (also on the sign-in page), and
 * the choice kept after signing out. Nothing here creates a webhook, so {@link ConsoleSystemIT}
 * still finds the demo account empty whichever class runs first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleLanguageSystemIT {

  private static final String USER = "console-lang";
  private static final String PASSWORD = "console-lang-secret";

  private EmbeddedBroker broker;
  private ApplicationProcess app;
  private WebDriver driver;
  private WebDriverWait wait;

  @BeforeAll
  void start() throws Exception {
    Path target = TestInfrastructure.target();
    int brokerPort = ApplicationProcess.freePort();
    broker =
        new EmbeddedBroker(
                target.resolve("console-lang-broker-" + brokerPort),
                "127.0.0.1",
                brokerPort,
                USER,
                PASSWORD)
            .start();
    app =
        ApplicationProcess.uberJar(
            "console-lang", "console-lang-app.log", brokerPort, USER, PASSWORD, Map.of());
    app.start();
    // the first render of each page compiles its Facelets; on a busy machine that outlasts a
    // click's wait
    var warm =
        ConsoleHttp.signIn(
            app.uri(""),
            TestInfrastructure.DEMO_ADMIN_LOGIN,
            TestInfrastructure.DEMO_ADMIN_PASSWORD);
    for (String page : List.of("/webhooks.xhtml", "/webhook.xhtml?type=sms.incoming")) {
      warm.get(page);
    }
  }

  @AfterAll
  void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @AfterEach
  void closeBrowser(TestInfo test) throws Exception {
    if (driver == null) {
      return;
    }
    try {
      Browser.screenshot(
          driver,
          "last-" + test.getTestMethod().orElseThrow().getName()); // what a failure looked like
    } finally {
      driver.quit();
      driver = null;
    }
  }

  private void openBrowser(String acceptLanguage) {
    driver =
        Browser.start(
            TestInfrastructure.target().resolve("chrome-profile-" + UUID.randomUUID()),
            acceptLanguage);
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  @Test
  void switchingToRussianTranslatesTheWebhooksPageAndTheNewWebhookWindowAndBack() throws Exception {
    openBrowser("en-US,en");
    driver.get(app.uri("/").toString());
    assertEquals(
        "Sign in",
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#login h1")))
            .getText());

    // the switch is on the sign-in page too
    switchTo("ru");
    wait.until(ExpectedConditions.textToBe(By.cssSelector("#login h1"), "Вход"));
    assertTrue(
        driver
            .findElement(By.cssSelector("label[for='login:username']"))
            .getText()
            .startsWith("Логин"));
    assertEquals("Войти", driver.findElement(By.id("login:submit")).getText());
    Browser.screenshot(driver, "lang-01-login-ru");

    Console.signIn(
        driver,
        app.uri(""),
        TestInfrastructure.DEMO_ADMIN_LOGIN,
        TestInfrastructure.DEMO_ADMIN_PASSWORD);
    assertTrue(driver.getCurrentUrl().endsWith("/webhooks.xhtml"), driver.getCurrentUrl());
    assertEquals("ru", driver.findElement(By.tagName("html")).getAttribute("lang"));
    assertTrue(driver.getTitle().contains("KOMPaaS Интеграции"), driver.getTitle());
    assertEquals("Журнал доставки", driver.findElement(By.id("navDeliveries")).getText());
    assertEquals("Выйти", driver.findElement(By.id("caller:signOut")).getText());
    assertTrue(
        driver
            .findElement(By.cssSelector(".topbar .where"))
            .getText()
            .startsWith("администратор аккаунта"),
        driver.findElement(By.cssSelector(".topbar .where")).getText());
    WebElement empty = driver.findElement(By.id("emptyState"));
    assertTrue(empty.getText().contains("Вебхуков пока нет"), empty.getText());
    assertTrue(
        empty.getText().contains("Вебхук сообщает другой системе о событии"), empty.getText());
    assertEquals("Новый Web hook", driver.findElement(By.id("newWebhookButton")).getText());
    Browser.screenshot(driver, "lang-02-webhooks-ru");

    // "New Web hook": the window's own texts are Russian; the catalogue's groups and types are data
    driver.findElement(By.id("newWebhookButton")).click();
    WebElement dialog =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("newWebhookDlg")));
    assertEquals(
        "Новый Web hook", dialog.findElement(By.cssSelector(".ui-dialog-title")).getText());
    assertTrue(
        dialog.getText().contains("Выберите тип события для вебхука и нажмите Создать."),
        dialog.getText());
    assertEquals(
        "Поиск событий", driver.findElement(By.id("typeFilter")).getAttribute("placeholder"));
    assertEquals("Создать", driver.findElement(By.id("newWebhook:create")).getText());
    assertEquals("Отмена", driver.findElement(By.id("newWebhook:cancel")).getText());
    assertTrue(
        dialog
            .findElement(By.cssSelector(".type-card[data-code='call.incoming.start']"))
            .getText()
            .contains("На номер поступил входящий звонок, идёт вызов"),
        "the shipped catalogue in Russian");
    Browser.screenshot(driver, "lang-03-new-webhook-dialog-ru");
    driver.findElement(By.id("newWebhook:create")).click(); // no type chosen
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("newWebhook:typeMessage"),
            "Выберите событие, на которое будет срабатывать вебхук"));

    // the validator's problems, coded in the EJB module, are shown in Russian beside their fields
    driver.get(app.uri("/webhook.xhtml?type=sms.incoming").toString());
    WebElement url = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form:url")));
    assertEquals(
        "1. Название",
        driver.findElement(By.cssSelector("label[for='form:title']")).getText().strip());
    url.sendKeys("https://crm.example.com/{{nope}}");
    click(By.id("form:save"));
    String titleMessage =
        wait.until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".field:has(#form\\:title) .ui-message-error")))
            .getText();
    assertTrue(titleMessage.contains("Введите название"), titleMessage);
    String urlMessage =
        driver.findElement(By.cssSelector(".field:has(#form\\:url) .ui-message-error")).getText();
    assertTrue(urlMessage.startsWith("Неизвестный параметр {{nope}} в URL"), urlMessage);
    Browser.screenshot(driver, "lang-04-validation-ru");

    // and back: the same page, with its parameters, in English
    switchTo("en");
    wait.until(ExpectedConditions.textToBe(By.id("heading"), "New Web hook"));
    assertTrue(driver.getCurrentUrl().contains("type=sms.incoming"), driver.getCurrentUrl());
    assertEquals(
        "1. Title",
        driver.findElement(By.cssSelector("label[for='form:title']")).getText().strip());
    assertEquals("en", driver.findElement(By.tagName("html")).getAttribute("lang"));
    click(By.id("navWebhooks"));
    WebElement emptyAgain =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("emptyState")));
    assertTrue(emptyAgain.getText().contains("No webhooks yet"), emptyAgain.getText());
    assertEquals("New Web hook", driver.findElement(By.id("newWebhookButton")).getText());
    Browser.screenshot(driver, "lang-05-webhooks-en");
  }

  @Test
  void aRussianBrowserGetsRussianAndAChoiceOutlivesSigningOut() throws Exception {
    openBrowser("ru-RU,ru");
    driver.get(app.uri("/").toString());
    wait.until(ExpectedConditions.textToBe(By.cssSelector("#login h1"), "Вход"));
    assertTrue(isActive("ru"), "the switch shows the browser's language");

    Console.signIn(
        driver,
        app.uri(""),
        TestInfrastructure.DEMO_ADMIN_LOGIN,
        TestInfrastructure.DEMO_ADMIN_PASSWORD);
    assertEquals("Новый Web hook", driver.findElement(By.id("newWebhookButton")).getText());
    switchTo("en");
    wait.until(ExpectedConditions.textToBe(By.id("newWebhookButton"), "New Web hook"));

    // signing out ends the session; the cookie keeps English although the browser asks for Russian
    driver.findElement(By.id("caller:signOut")).click();
    wait.until(ExpectedConditions.urlContains("/login.xhtml"));
    assertEquals(
        "Sign in",
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#login h1")))
            .getText());
    assertTrue(isActive("en"));
    Browser.screenshot(driver, "lang-06-signed-out-en");
  }

  @Test
  void aRefusedSignInIsExplainedInTheBrowsersLanguage() throws Exception {
    openBrowser("ru-RU,ru;q=0.9,en;q=0.8");
    driver.get(app.uri("/").toString());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username")))
        .sendKeys("nobody-" + UUID.randomUUID());
    driver.findElement(By.id("login:password")).sendKeys("wrong-password");
    driver.findElement(By.id("login:submit")).click();
    String refused =
        wait.until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#login\\:messages .ui-messages-error")))
            .getText();
    assertTrue(refused.contains("Неверный логин или пароль"), refused);
    Browser.screenshot(driver, "lang-07-refused-ru");
  }

  private void switchTo(String language) {
    click(By.cssSelector(".lang-switch a[data-lang='" + language + "']"));
    wait.until(d -> isActive(language));
  }

  private boolean isActive(String language) {
    return driver
            .findElements(By.cssSelector(".lang-switch a.active[data-lang='" + language + "']"))
            .size()
        == 1;
  }

  /** Scrolled to the middle first: the sticky Save bar would otherwise take the click. */
  private void click(By locator) {
    WebElement element = driver.findElement(locator);
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }
}
