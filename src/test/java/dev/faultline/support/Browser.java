package dev.faultline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's Chromium, headless, driven through its ChromeDriver. Without them the browser tests are skipped, unless
 * FAULTLINE_REQUIRE_BROWSER is set (CI sets it, after installing them with scripts/install-test-dependencies.sh).
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final int port;
    private final Path profile;

    private Browser(ChromeDriver driver, int port, Path profile) {
        this.driver = driver;
        this.port = port;
        this.profile = profile;
    }

    public static Browser open(int port) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && System.getenv("FAULTLINE_REQUIRE_BROWSER") != null) {
            throw new AssertionError("Chromium and ChromeDriver are required: run scripts/install-test-dependencies.sh");
        }
        Assumptions.assumeTrue(present, "Chromium is not installed: run scripts/install-test-dependencies.sh");
        // A profile of our own, deleted on close: the one Chromium makes in /tmp outlives the test when it is killed.
        Path profile = temporaryDirectory();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--user-data-dir=" + profile, "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,900");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options), port, profile);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("faultline-browser");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Browser go(String path) {
        driver.get("http://localhost:" + port + path);
        return this;
    }

    public WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public Browser type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    public Browser select(String css, String visibleText) {
        new Select(find(css)).selectByVisibleText(visibleText);
        return this;
    }

    /** Clicks and waits for the next page to load. */
    public Browser submit(String css) {
        WebElement button = find(css);
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(button));
        return this;
    }

    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    public String text(String css) {
        return find(css).getText();
    }

    /** Saves what the page looks like, for a person to check: target/screenshots/NAME.png. */
    public Browser screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        }
        finally {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }
}
