package dev.rightsdesk.officer.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The officer's day in a real browser (Debian's headless Chromium): sign in, filter the queue, open a ticket,
 * approve, extend and close it; an auditor sees the same ticket without any action. One browser for the class;
 * screenshots under {@code target/screenshots/}.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OfficerBrowserTest {

    static WebDriver browser;
    static Path profile;
    static final Path SHOTS = Path.of("target", "screenshots");
    static final String ASSIGNEE = "browser-" + UUID.randomUUID().toString().substring(0, 8);
    static String ticketId;

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void openBrowser() throws IOException {
        if (browser != null) {
            return;
        }
        System.setProperty("SE_OFFLINE", "true");
        profile = Files.createTempDirectory("officer-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1400, 1100));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    static void shot(String name) throws IOException {
        // The whole page: make the window as tall as the document before taking it.
        long height = (Long) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
        browser.manage().window().setSize(new Dimension(1400, (int) Math.min(Math.max(height + 140, 900), 6000)));
        File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SHOTS.resolve("officer-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new Dimension(1400, 1100));
    }

    /** Waits while a page may still be replacing the one before it (its elements then go stale). */
    static WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    void signIn(String user) throws IOException {
        browser.get(url("/officer"));
        waiting().until(d -> d.getCurrentUrl().contains("/officer/login"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        browser.findElement(By.id("j_username")).sendKeys(user);
        browser.findElement(By.id("j_password")).sendKeys(user);
        shot("01-sign-in-" + user);
        browser.findElement(By.cssSelector("form[action='/j_security_check'] button")).click();
        waiting().until(d -> d.getTitle().startsWith("Queue"));
    }

    @Test
    @Order(1)
    void aWrongPasswordIsSaidClearly() throws IOException {
        browser.get(url("/officer/login"));
        browser.findElement(By.id("j_username")).sendKeys("officer");
        browser.findElement(By.id("j_password")).sendKeys("not-the-password");
        browser.findElement(By.cssSelector("form[action='/j_security_check'] button")).click();
        waiting().until(d -> !d.findElements(By.id("error-summary")).isEmpty());
        assertThat(text("#error-summary")).contains("not right");
        shot("00-sign-in-error");
    }

    @Test
    @Order(2)
    void anOfficerFiltersOpensApprovesExtendsAndClosesATicket() throws IOException {
        // A verified access request, waiting for review, assigned to a name only this test uses.
        String id = given().contentType(ContentType.JSON).body("""
                {"type": "ACCESS", "subject": {"email": "browser-%s@example.org", "name": "Ada Browser"}, "locale": "en"}"""
                .formatted(ASSIGNEE)).post("/api/v1/requests").then().statusCode(202).extract().path("id");
        given().auth().preemptive().basic("officer", "officer").contentType(ContentType.JSON)
                .body("{\"method\": \"ID_DOCUMENT\", \"reason\": \"passport seen\"}")
                .post("/api/v1/tickets/" + id + "/verification").then().statusCode(200);
        given().auth().preemptive().basic("officer", "officer").contentType(ContentType.JSON)
                .body("{\"assignee\": \"" + ASSIGNEE + "\"}").post("/api/v1/tickets/" + id + "/assignment").then().statusCode(200);
        ticketId = id;

        signIn("officer");
        shot("02-queue");

        // Filter: waiting for review, assigned to our name.
        new Select(browser.findElement(By.id("f-status"))).selectByValue("PENDING_REVIEW");
        WebElement assignee = browser.findElement(By.id("f-assignee"));
        assignee.clear();
        assignee.sendKeys(ASSIGNEE);
        browser.findElement(By.cssSelector("#filter-form button[type=submit]")).click();
        waiting().until(d -> d.getCurrentUrl().contains("assignee=" + ASSIGNEE));
        assertThat(browser.findElements(By.cssSelector("table.queue tbody tr"))).hasSize(1);
        assertThat(text("table.queue tbody tr")).contains("Access (Art. 15)").contains("Waiting for review");
        WebElement days = browser.findElement(By.cssSelector("table.queue tbody tr .days"));
        assertThat(days.getText()).matches(".*\\d+ days? left|.*Due today");
        shot("03-queue-filtered");

        browser.findElement(By.cssSelector("table.queue tbody tr a")).click();
        waiting().until(d -> d.getCurrentUrl().contains("/officer/tickets/" + id));
        assertThat(text("#ticket-status")).isEqualTo("Waiting for review");
        assertThat(text("#h-subject + dl")).contains("browser-" + ASSIGNEE + "@example.org").contains("Ada Browser");
        String dueBefore = text("#effective-due");
        shot("04-ticket");

        browser.findElement(By.id("a-reason")).sendKeys("request is genuine");
        browser.findElement(By.id("approve-button")).click();
        waiting().until(d -> d.getCurrentUrl().contains("done=approval"));
        assertThat(text("p.notice")).contains("Approved");
        // The fan-out asked every connected system: the ticket waits for their answers.
        assertThat(text("#ticket-status")).isEqualTo("Waiting for systems");
        assertThat(text("#h-tasks + table")).contains("crm").contains("SENT");
        assertThat(browser.findElements(By.id("close-button"))).as("no closure while tasks are open").isEmpty();
        shot("05-approved");

        browser.findElement(By.id("e-reason")).sendKeys("the data sits in eleven systems");
        browser.findElement(By.id("extend-button")).click();
        waiting().until(d -> d.getCurrentUrl().contains("done=extension"));
        assertThat(text("p.notice")).contains("extended");
        assertThat(text("#effective-due")).isNotEqualTo(dueBefore);
        assertThat(text("#h-deadline + dl")).contains("the data sits in eleven systems");
        assertThat(browser.findElements(By.id("extend-button"))).isEmpty();
        shot("06-extended");

        // No connector answers in this test: the officer records each system's outcome by hand, with evidence.
        int recorded = 0;
        int open = browser.findElements(By.cssSelector("form[action$='/manual-completion']")).size();
        while (!browser.findElements(By.cssSelector("form[action$='/manual-completion']")).isEmpty()) {
            WebElement form = browser.findElements(By.cssSelector("form[action$='/manual-completion']")).get(0);
            form.findElement(By.tagName("textarea")).sendKeys("checked by hand in the system, ticket OPS-" + recorded);
            form.findElement(By.cssSelector("button[type=submit]")).click();
            int expected = ++recorded;
            waiting().until(d -> d.getCurrentUrl().contains("done=manual-completion")
                    && d.findElements(By.cssSelector("form[action$='/manual-completion']")).size() <= open - expected);
        }
        assertThat(recorded).isGreaterThan(0);
        assertThat(text("#ticket-status")).isEqualTo("Ready for response");
        shot("06b-systems-answered");

        browser.findElement(By.id("c-response")).sendKeys("Attached is a copy of the data we hold about you.");
        browser.findElement(By.id("close-button")).click();
        waiting().until(d -> d.getCurrentUrl().contains("done=closure"));
        assertThat(text("#ticket-status")).isEqualTo("Completed");
        assertThat(text("table.timeline")).contains("approval").contains("extension").contains("closure").contains("officer");
        assertThat(browser.findElements(By.id("h-actions"))).as("only notes remain").hasSize(1);
        shot("07-closed");
    }

    @Test
    @Order(3)
    void anActionRefusedByTheRulesIsExplainedOnThePage() throws IOException {
        String id = given().contentType(ContentType.JSON).body("""
                {"type": "ERASURE", "subject": {"email": "refused-%s@example.org"}, "details": {"ground": "17(1)(b)"}}"""
                .formatted(ASSIGNEE)).post("/api/v1/requests").then().statusCode(202).extract().path("id");
        browser.get(url("/officer/tickets/" + id));
        // Not verified yet: the close form is not offered, and a closure forced through the form is refused.
        assertThat(browser.findElements(By.id("close-button"))).isEmpty();
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                const f = document.createElement('form'); f.method = 'post';
                f.action = '/officer/tickets/%s/closure';
                const t = document.createElement('input'); t.name = 'response'; t.value = 'done'; f.appendChild(t);
                document.body.appendChild(f); f.submit();""".formatted(id));
        waiting().until(d -> !d.findElements(By.id("error-summary")).isEmpty());
        assertThat(text("#error-summary")).contains("Identity not verified");
        shot("08-refused-action");
    }

    @Test
    @Order(4)
    void anAuditorReadsButCannotAct() throws IOException {
        browser.findElement(By.cssSelector("form[action='/officer/logout'] button")).click();
        waiting().until(d -> d.getCurrentUrl().contains("/officer/login"));
        signIn("auditor");
        browser.get(url("/officer/tickets/" + ticketId));
        assertThat(text("#h-subject + dl")).contains("Ada Browser");
        assertThat(browser.findElements(By.id("h-actions"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("input[name=ids]"))).isEmpty();
        shot("09-auditor-ticket");
        browser.get(url("/officer/register"));
        assertThat(browser.getPageSource()).doesNotContain("Register a request received");
    }
}
