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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The queue as a privacy team uses it, in headless Chromium: find a request by the subject's e-mail (the address
 * never appears in a URL), sort, assign to me, select all and approve in bulk, see an Art. 21(1) objection waiting
 * for a decision; and the page fits a 390 px phone without scrolling sideways. Screenshots at 1280 and 390 px.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueueBrowserTest {

    static ChromeDriver browser;
    static final Path SHOTS = Path.of("target", "screenshots");
    static final String TAG = UUID.randomUUID().toString().substring(0, 8);
    static final String TEAM = "team-" + TAG;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void openBrowser() throws IOException {
        System.setProperty("SE_OFFLINE", "true");
        Path profile = Files.createTempDirectory("queue-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1280, 1000));
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

    static WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** The whole page at {@code width} px, as a phone or a desktop shows it. */
    static void shot(String name, int width) throws IOException {
        browser.manage().window().setSize(new Dimension(width, 1000));
        long height = ((Number) js("return document.documentElement.scrollHeight")).longValue();
        browser.manage().window().setSize(new Dimension(width, (int) Math.min(Math.max(height + 140, 900), 8000)));
        File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SHOTS.resolve(name + "-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    /** The page itself must not scroll sideways at this width (a wide table may, inside its own box). */
    static long overflow(int width) {
        browser.manage().window().setSize(new Dimension(width, 900));
        long over = ((Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                .longValue();
        browser.manage().window().setSize(new Dimension(1280, 1000));
        return over;
    }

    static String submit(String type, String details, String email, String name) {
        return given().contentType(ContentType.JSON).body("""
                {"type": "%s", "subject": {"email": "%s", "name": "%s"}, "details": %s, "locale": "en"}"""
                .formatted(type, email, name, details)).post("/api/v1/requests").then().statusCode(202).extract().path("id");
    }

    static void officer(String path, String body) {
        given().auth().preemptive().basic("officer", "officer").contentType(ContentType.JSON).body(body)
                .post(path).then().statusCode(200);
    }

    /** Verified by the officer: waiting for review, and put on this test's team name. */
    static String pendingReview(String email, String name) {
        String id = submit("ACCESS", "{}", email, name);
        officer("/api/v1/tickets/" + id + "/verification", "{\"method\": \"ID_DOCUMENT\", \"reason\": \"passport seen\"}");
        officer("/api/v1/tickets/" + id + "/assignment", "{\"assignee\": \"" + TEAM + "\"}");
        return id;
    }

    void signIn() {
        browser.get(url("/officer"));
        waiting().until(d -> d.getCurrentUrl().contains("/officer/login"));
        browser.findElement(By.id("j_username")).sendKeys("officer");
        browser.findElement(By.id("j_password")).sendKeys("officer");
        browser.findElement(By.cssSelector("form[action='/j_security_check'] button")).click();
        waiting().until(d -> d.getTitle().startsWith("Queue"));
    }

    @Test
    @Order(1)
    void anOfficerFindsARequestByTheSubjectsEmailWithoutItEverStandingInAUrl() throws IOException {
        String email = "find-me-" + TAG + "@example.org";
        String id = pendingReview(email, "Hedy Lamarr");
        signIn();

        WebElement search = browser.findElement(By.id("f-q"));
        search.sendKeys(email.toUpperCase());
        browser.findElement(By.cssSelector("#filter-form button[type=submit]")).click();
        waiting().until(d -> d.findElement(By.cssSelector("table.queue caption")).getText().contains("found"));
        List<WebElement> rows = browser.findElements(By.cssSelector("table.queue tbody tr"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains("Hedy Lamarr").contains(email).contains("Waiting for review")
                .contains("RD-" + id.substring(0, 8).toUpperCase());
        assertThat(browser.getCurrentUrl()).doesNotContain("find-me").doesNotContain("%40").endsWith("/officer");
        assertThat(browser.findElement(By.id("f-q")).getAttribute("value")).isEqualTo(email.toUpperCase());
        shot("queue-search", 1280);
    }

    @Test
    @Order(2)
    void theQueueSortsAndTheOfficerAssignsToThemselvesAndApprovesAllOnThePage() throws IOException {
        String older = pendingReview("sort-a-" + TAG + "@example.org", "Ada Sort");
        String newer = pendingReview("sort-b-" + TAG + "@example.org", "Bea Sort");
        browser.get(url("/officer?assignee=" + TEAM + "&sort=received&order=desc"));
        List<String> order = browser.findElements(By.cssSelector("table.queue tbody tr input.select-ticket")).stream()
                .map(e -> e.getAttribute("value")).toList();
        assertThat(order.indexOf(newer)).isLessThan(order.indexOf(older));
        assertThat(new Select(browser.findElement(By.id("f-sort"))).getFirstSelectedOption().getText()).isEqualTo("Received");

        // Select all on the page (the header box), then "Assign to me".
        WebElement all = browser.findElement(By.id("select-all"));
        assertThat(all.isDisplayed()).isTrue();
        all.click();
        assertThat(browser.findElements(By.cssSelector("input.select-ticket:checked"))).hasSize(order.size());
        assertThat(browser.findElement(By.id("bulk-ground")).isDisplayed()).as("no ground unless refusing").isFalse();
        new Select(browser.findElement(By.id("bulk-action"))).selectByValue("assign-me");
        browser.findElement(By.cssSelector(".bulk button[type=submit]")).click();
        waiting().until(d -> d.getCurrentUrl().contains("done=bulk"));
        assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).contains(order.size() + " done");

        browser.get(url("/officer?assignee=me&status=PENDING_REVIEW&sort=received&order=desc"));
        assertThat(browser.findElement(By.cssSelector("table.queue tbody")).getText()).contains("Ada Sort").contains("Bea Sort");
        browser.findElement(By.id("select-all")).click();
        new Select(browser.findElement(By.id("bulk-action"))).selectByValue("approval");
        browser.findElement(By.id("bulk-text")).sendKeys("genuine requests");
        browser.findElement(By.cssSelector(".bulk button[type=submit]")).click();
        waiting().until(d -> d.getCurrentUrl().contains("done=bulk"));
        assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).contains("0 refused");
        for (String id : List.of(older, newer)) {
            given().auth().preemptive().basic("officer", "officer").get("/api/v1/tickets/" + id).then()
                    .body("status", org.hamcrest.Matchers.not("PENDING_REVIEW")).body("assignee", org.hamcrest.Matchers.equalTo("officer"));
        }
    }

    @Test
    @Order(3)
    void anArt21_1ObjectionShowsAsWaitingForADecisionAndThePageFitsAPhone() throws IOException {
        String id = submit("OBJECTION", "{\"basis\": \"LEGITIMATE_INTEREST\", \"purposes\": [\"fraud-detection\"]}",
                "objector-" + TAG + "@example.org", "Olga Objector");
        officer("/api/v1/tickets/" + id + "/verification", "{\"method\": \"ID_DOCUMENT\", \"reason\": \"passport seen\"}");
        officer("/api/v1/tickets/" + id + "/assignment", "{\"assignee\": \"" + TEAM + "\"}");
        browser.get(url("/officer?assignee=" + TEAM + "&type=OBJECTION"));
        assertThat(browser.findElement(By.cssSelector("table.queue tbody")).getText())
                .contains("Olga Objector").contains("Waiting for your decision (Art. 21(1))");

        browser.get(url("/officer?assignee=" + TEAM + "&status=AWAITING_SYSTEMS,PENDING_REVIEW,IN_PROGRESS"));
        shot("queue", 1280);
        shot("queue", 390);
        assertThat(overflow(390)).as("the queue page scrolls sideways at 390 px").isLessThanOrEqualTo(0);
        browser.get(url("/officer/tickets/" + id));
        shot("ticket", 1280);
        shot("ticket", 390);
    }
}
