package dev.rightsdesk.intake.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver, both by explicit path so Selenium Manager never
 * downloads anything (CI installs the packages {@code chromium} and {@code chromium-driver}). One browser per test
 * class; screenshots go to {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {

    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final String CHROMIUM = "/usr/bin/chromium";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    final Path downloads;
    private final Path profile;

    Browser() {
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        try {
            profile = Files.createTempDirectory("rightsdesk-chromium-");
            downloads = Files.createTempDirectory("rightsdesk-downloads-");
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=en-GB");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        prefs.put("intl.accept_languages", "en-GB,en");
        options.setExperimentalOption("prefs", prefs);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }

    /**
     * The first element matching {@code css}, waiting up to 10 s for it: after a click that submits a form the next
     * page may not be there yet, and looking at once would search the page being replaced.
     */
    WebElement find(String css) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
        } catch (TimeoutException e) {
            return driver.findElement(By.cssSelector(css)); // fails with Selenium's own message: what was missing
        }
    }

    boolean exists(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    /** The id of the element that has the keyboard focus. */
    String focusedId() {
        return String.valueOf(((JavascriptExecutor) driver).executeScript("return document.activeElement.id"));
    }

    /** The computed outline style of the focused element: the visible focus indicator. */
    String focusedOutline() {
        return String.valueOf(((JavascriptExecutor) driver).executeScript(
                "var s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth;"));
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    /** A screenshot of the whole page, not only the window (Chrome DevTools' beyond-viewport capture). */
    void screenshot(String name) {
        JavascriptExecutor js = driver;
        long width = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        long height = ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", Math.min(height, 8000), "scale", 1)));
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
