package com.kompaas.webhooks.it.system;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium and chromedriver; Selenium Manager is never asked to download. */
final class Browser {

  private Browser() {}

  static WebDriver start(Path profileDir) {
    return start(profileDir, "en-US,en");
  }

  /**
   * @param acceptLanguage the browser's languages, as its Accept-Language header sends them
   */
  static WebDriver start(Path profileDir, String acceptLanguage) {
    var options = new ChromeOptions();
    options.setExperimentalOption(
        "prefs", java.util.Map.of("intl.accept_languages", acceptLanguage));
    options.addArguments("--lang=" + acceptLanguage.split(",")[0]);
    options.setBinary(System.getProperty("it.chromium", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,900",
        "--user-data-dir=" + profileDir.toAbsolutePath());
    var service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                new File(System.getProperty("it.chromedriver", "/usr/bin/chromedriver")))
            .build();
    var driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }

  static void screenshot(WebDriver driver, String name) throws java.io.IOException {
    Path dir = Path.of(System.getProperty("it.target", "target"), "screenshots");
    Files.createDirectories(dir);
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Files.write(dir.resolve(name + ".png"), png);
  }
}
