package dev.agenttrail.webapp.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium, driven through ChromeDriver, with a fresh profile each time. Every page
 * it shows is saved as a PNG under {@code it.screenshots} (webapp/target/screenshots), named after
 * the test.
 */
final class Browser implements AutoCloseable {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private final URI app;
  private final String test;
  private final Path profile;
  private final ChromeDriver driver;
  private final WebDriverWait wait;
  private int shots;

  private Browser(URI app, String test) throws IOException {
    this.app = app;
    this.test = test;
    this.profile = Files.createTempDirectory("agenttrail-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(ChromiumAvailable.CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--window-size=1400,1000", "--lang=en-US");
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(ChromiumAvailable.CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    this.driver = new ChromeDriver(service, options);
    this.wait = new WebDriverWait(driver, WAIT);
  }

  static Browser open(URI app, String test) {
    try {
      return new Browser(app, test);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens a path of the application (relative, e.g. {@code catalog.xhtml}) and saves a screenshot. */
  void go(String path, String label) {
    driver.get(app.resolve(path).toString());
    shot(label);
  }

  /** The current address relative to the application, e.g. {@code login.xhtml}. */
  String path() {
    String url = driver.getCurrentUrl();
    return url.startsWith(app.toString()) ? url.substring(app.toString().length()) : url;
  }

  void waitForPath(String start) {
    wait.until(d -> path().startsWith(start));
  }

  WebElement find(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /**
   * Waits until the element shows {@code text}. An ajax update may replace the element between
   * finding it and reading it: Chromium then answers "Node with given id does not belong to the
   * document", which Selenium does not report as a stale element, so that is retried too.
   */
  void waitForText(By by, String text) {
    wait.until(d -> {
      try {
        return d.findElement(by).getText().contains(text);
      } catch (NoSuchElementException | StaleElementReferenceException e) {
        return false;
      } catch (WebDriverException e) {
        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
          return false;
        }
        throw e;
      }
    });
  }

  void type(By by, String text) {
    WebElement field = find(by);
    field.clear();
    field.sendKeys(text);
  }

  void click(By by) {
    wait.until(ExpectedConditions.elementToBeClickable(by)).click();
  }

  /** Signs in on the sign-in page the browser shows. */
  void signIn(String username, String password) {
    type(By.id("login:username"), username);
    type(By.id("login:password"), password);
    click(By.id("login:signIn"));
  }

  String cookie(String name) {
    return driver.manage().getCookieNamed(name).getValue();
  }

  String pageSource() {
    return driver.getPageSource();
  }

  /** What the browser's console said about the Content-Security-Policy since the last call. */
  List<String> cspViolations() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
        .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy")).toList();
  }

  void shot(String label) {
    Path dir = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
    try {
      Files.createDirectories(dir);
      Files.write(dir.resolve(String.format("%s-%02d-%s.png", test, ++shots, label)), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a leftover temporary profile is harmless
      }
    }
  }
}
