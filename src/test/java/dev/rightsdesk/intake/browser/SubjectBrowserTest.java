package dev.rightsdesk.intake.browser;

import static dev.rightsdesk.intake.SubjectTestSupport.answerThroughSystems;
import static dev.rightsdesk.intake.SubjectTestSupport.awaitCode;
import static dev.rightsdesk.intake.SubjectTestSupport.freshEmail;
import static dev.rightsdesk.intake.SubjectTestSupport.latestCode;
import static dev.rightsdesk.intake.SubjectTestSupport.wrong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rightsdesk.deadline.StatutoryClock;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The subject's side in a real browser (headless Chromium, no JavaScript on our pages): every request type in
 * English and in Dutch from the start page to the status page, the access package downloaded and opened, the
 * error summary, and a request sent with the keyboard only. Screenshots in {@code target/screenshots/}.
 */
@QuarkusTest
class SubjectBrowserTest {

    static Browser browser;

    @TestHTTPResource("/")
    URL base;

    @Inject
    StatutoryClock clock;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    String url(String path) {
        String b = base.toString();
        return (b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path;
    }

    static Ticket ticket(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Ticket.findById(id));
    }

    static UUID ticketIdOfVerifyPage(String currentUrl) {
        var m = java.util.regex.Pattern.compile("/requests/([0-9a-f-]{36})/verify").matcher(currentUrl);
        assertThat(m.find()).as("on the verification page: %s", currentUrl).isTrue();
        return UUID.fromString(m.group(1));
    }

    /** Fills and sends one request form; returns the ticket id from the verification page it lands on. */
    UUID submitRequest(String lang, String type, String email) {
        browser.driver.get(url("/?lang=" + lang));
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo(lang);
        browser.screenshot("01-home-" + lang);
        browser.find("a[href='/request/" + type + "']").click();
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo(lang);
        // before sending, the page says by when the answer comes (statutory clock)
        String due = clock.deadlineFor(Instant.now()).due().toString();
        assertThat(browser.find(".due-box time").getAttribute("datetime")).isEqualTo(due);

        browser.find("#email").sendKeys(email);
        browser.find("#name").sendKeys("Sam Example");
        switch (type) {
            case "rectification" -> {
                browser.find("#corrections-0-field").sendKeys(lang.equals("nl") ? "adres" : "address");
                browser.find("#corrections-0-current").sendKeys("Old Road 1");
                browser.find("#corrections-0-corrected").sendKeys("New Road 2");
            }
            case "erasure" -> browser.find("#ground-b").click();
            case "objection" -> {
                browser.find("#basis-legitimate-interest").click();
                browser.find("#purpose-ai-training").click();
                browser.find("#grounds").sendKeys("I never expected my messages to train a model.");
            }
            default -> {
            }
        }
        browser.screenshot("02-form-" + type + "-" + lang);
        browser.find("button.primary").click();
        browser.waiting().until(ExpectedConditions.urlContains("/verify"));
        assertThat(browser.driver.getCurrentUrl()).doesNotContain(email).doesNotContain("example");
        return ticketIdOfVerifyPage(browser.driver.getCurrentUrl());
    }

    /** Enters the mailed code and lands on the status page; returns its token. */
    String confirm(String email, String lang, String shotName) {
        browser.find("#code").sendKeys(latestCode(email));
        browser.screenshot("03-verify-" + shotName);
        browser.find("button.primary").click();
        browser.waiting().until(ExpectedConditions.urlContains("/status/"));
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo(lang);
        String current = browser.driver.getCurrentUrl();
        return current.substring(current.indexOf("/status/") + "/status/".length());
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"access,en", "rectification,en", "erasure,en", "objection,en",
            "access,nl", "rectification,nl", "erasure,nl", "objection,nl"})
    void eachRequestTypeFromTheFormToTheStatusPage(String type, String lang) {
        String email = freshEmail("browser-" + type + "-" + lang);
        UUID id = submitRequest(lang, type, email);
        if (type.equals("objection") && lang.equals("nl")) {
            // a wrong code first: the error is summarised and the field is marked, in Dutch
            browser.find("#code").sendKeys(wrong(latestCode(email)));
            browser.find("button.primary").click();
            assertThat(browser.find(".error-summary").getText()).contains("Er is een probleem", "Die code klopt niet");
            assertThat(browser.find("#code").getAttribute("aria-invalid")).isEqualTo("true");
            browser.screenshot("03-verify-wrong-code-nl");
        }
        confirm(email, lang, type + "-" + lang);

        Ticket t = ticket(id);
        assertThat(t.status).isEqualTo(TicketStatus.PENDING_REVIEW);
        assertThat(t.locale).isEqualTo(lang);
        assertThat(browser.find("#due-date").getAttribute("datetime")).isEqualTo(t.effectiveDue.toString());
        assertThat(browser.find("#stage").getText())
                .contains(lang.equals("nl") ? "Bedankt voor uw bevestiging" : "Thank you for confirming");
        browser.screenshot("04-status-" + type + "-" + lang);
        if (type.equals("objection")) {
            assertThat(t.detailsJson).contains("ai-training", "LEGITIMATE_INTEREST");
        }
    }

    @Test
    void theAnsweredAccessRequestIsDownloadedAndOpened() throws IOException {
        String email = freshEmail("browser-package");
        UUID id = submitRequest("en", "access", email);
        String token = confirm(email, "en", "package");
        answerThroughSystems(id.toString());

        browser.driver.navigate().refresh();
        assertThat(browser.find("#package-title").getText()).isEqualTo("Download your data");
        browser.screenshot("05-status-answered");
        browser.find("#package button.primary").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("package-code")));
        // the second code mail: the first confirmed the address
        browser.find("#package-code").sendKeys(awaitCode(email, 2));
        browser.screenshot("06-package-code");
        browser.find("#package button.primary").click();
        browser.waiting().until(ExpectedConditions.urlContains("/download/"));
        browser.screenshot("07-download");
        browser.find("#download-link").click();

        Path zip = await().atMost(Duration.ofSeconds(20)).until(() -> {
            try (Stream<Path> files = Files.list(browser.downloads)) {
                return files.filter(f -> f.toString().endsWith(".zip")).findFirst().orElse(null);
            }
        }, p -> p != null && p.toFile().length() > 0 && !Files.exists(Path.of(p + ".crdownload")));
        Path unpacked = Files.createTempDirectory("rightsdesk-package-");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Files.write(unpacked.resolve(e.getName()), in.readAllBytes());
            }
        }
        assertThat(unpacked.resolve("package.json")).exists();
        browser.driver.get(unpacked.resolve("report.html").toUri().toString());
        assertThat(browser.find("h1").getText()).startsWith("Your personal data at");
        assertThat(browser.find("#system-crm").getText()).isEqualTo("Customer database");
        assertThat(browser.driver.getPageSource()).contains("Canal Street 1", "support-chats", "Autoriteit Persoonsgegevens");
        browser.screenshot("08-package-report");
        assertThat(token).hasSize(43);
    }

    @Test
    void aBadFormIsSummarisedAndEachErrorLeadsToItsField() {
        browser.driver.get(url("/request/objection?lang=en"));
        browser.find("#email").sendKeys("not an address");
        browser.find("button.primary").click();

        WebElement summary = browser.find("#error-summary");
        assertThat(summary.getText()).contains("There is a problem", "Enter an e-mail address in the right format",
                "Choose what you object to", "Choose at least one use of your data");
        assertThat(browser.driver.getTitle()).startsWith("Error: ");
        // the summary has the focus, so a screen reader announces it first
        assertThat(browser.focusedId()).isEqualTo("error-summary");
        assertThat(browser.find("#email").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#email").getAttribute("aria-describedby")).contains("email-error");
        assertThat(browser.find("#email-error").getText()).startsWith("Error:");
        assertThat(browser.find("#email").getAttribute("value")).isEqualTo("not an address");
        browser.screenshot("09-form-errors");
        summary.findElement(By.cssSelector("a[href='#purpose-ai-training']")).click();
        assertThat(browser.focusedId()).isEqualTo("purpose-ai-training");
        summary.findElement(By.cssSelector("a[href='#email']")).click();
        assertThat(browser.focusedId()).isEqualTo("email");
    }

    @Test
    void aRequestCanBeSentWithTheKeyboardOnly() {
        String email = freshEmail("keyboard");
        browser.driver.get(url("/request/access?lang=en"));
        Actions keys = new Actions(browser.driver);
        // the first Tab reaches the skip link, which takes the focus to the content
        keys.sendKeys(Keys.TAB).perform();
        assertThat(browser.find(".skip-link").equals(browser.driver.switchTo().activeElement())).isTrue();
        keys.sendKeys(Keys.ENTER).perform();
        int guard = 0;
        while (!"email".equals(browser.focusedId()) && guard++ < 15) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(browser.focusedId()).isEqualTo("email");
        assertThat(browser.focusedOutline()).startsWith("solid").doesNotContain(" 0px");
        keys.sendKeys(email).perform();
        guard = 0;
        while (!browser.driver.switchTo().activeElement().getAttribute("class").contains("primary") && guard++ < 15) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("Send request");
        assertThat(browser.focusedOutline()).startsWith("solid");
        browser.screenshot("10-keyboard-focus-on-send");
        keys.sendKeys(Keys.ENTER).perform();
        browser.waiting().until(ExpectedConditions.urlContains("/verify"));

        // the code, too: Tab to the field, type, Enter
        guard = 0;
        while (!"code".equals(browser.focusedId()) && guard++ < 15) {
            keys.sendKeys(Keys.TAB).perform();
        }
        keys.sendKeys(latestCode(email)).sendKeys(Keys.ENTER).perform();
        browser.waiting().until(ExpectedConditions.urlContains("/status/"));
        assertThat(browser.find("#stage").getText()).contains("Thank you for confirming");
    }

    @Test
    void theLocalMailboxAndTheOtherPages() {
        String email = freshEmail("mailbox");
        submitRequest("en", "access", email);
        browser.driver.get(url("/dev/mailbox"));
        assertThat(browser.find("h1").getText()).isEqualTo("Local mailbox");
        assertThat(browser.driver.getPageSource()).contains(email, "Confirm your request");
        browser.screenshot("11-dev-mailbox");

        browser.driver.get(url("/status-link?lang=nl"));
        browser.find("#email").sendKeys(email);
        browser.find("button.primary").click();
        assertThat(browser.find("[role=status]").getText()).startsWith("Als we verzoeken voor dat adres hebben");
        browser.screenshot("12-lost-link-nl");

        browser.driver.get(url("/status/" + "x".repeat(43)));
        assertThat(browser.find("h1").getText()).isEqualTo("Pagina niet gevonden");
        browser.screenshot("13-not-found-nl");
    }
}
