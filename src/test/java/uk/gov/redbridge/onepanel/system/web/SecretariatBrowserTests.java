package uk.gov.redbridge.onepanel.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import uk.gov.redbridge.onepanel.External;
import uk.gov.redbridge.onepanel.exceptions.ExceptionItem;
import uk.gov.redbridge.onepanel.exceptions.ExceptionsQueue;
import uk.gov.redbridge.onepanel.extraction.fixtures.WordDocument;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.testing.Browser;
import uk.gov.redbridge.onepanel.testing.PageTestData;

/**
 * The secretariat's working day in a real browser (Debian's headless Chromium and chromedriver): sign in, resolve an
 * exception by creating a referral, fill in and correct its fields, find it in the log. Each main page is
 * screenshotted under target/screenshots/ and checked with axe-core in the same browser: no serious or critical
 * accessibility violation. axe-core comes from the npm registry ({@code .ci/run} installs it under
 * target/node; {@code -Daxe.script=...} points elsewhere).
 */
@External
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SecretariatBrowserTests {

    static Browser session;
    static WebDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    MailAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ExceptionsQueue queue;

    @BeforeAll
    static void startBrowser() throws IOException {
        session = Browser.start();
        browser = session.driver();
    }

    @AfterAll
    static void stopBrowser() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void theSecretariatResolvesAnExceptionCorrectsAFieldAndFindsTheReferral() throws Exception {
        PageTestData data = new PageTestData(accounts, jdbc);
        data.referralFrom(PageTestData.uniqueSender(), "Alexis", "Browserlog");
        ExceptionItem item = data.exceptionFrom(PageTestData.uniqueSender(), queue);

        open("/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        check("sign-in");
        type("username", "secretariat");
        type("password", "wrong");
        click("button.govuk-button");
        assertThat(browser.getTitle()).startsWith("Error: ");
        assertThat(text(".govuk-error-summary")).contains("There is a problem", "Enter a correct user name and password");
        check("sign-in-error");
        type("username", "secretariat");
        type("password", "test-secret");
        click("button.govuk-button");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Today");
        assertThat(text("#exceptions-waiting")).isNotEqualTo("0");
        check("dashboard");

        click("#exceptions-waiting");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Exceptions");
        check("exceptions");

        open("/exceptions/" + item.id());
        assertThat(text("h1")).isEqualTo("No referral form found in the email");
        assertThat(text(".app-email-body")).contains("Could you tell me when the next panel meets?");
        check("exception");

        // resolve it: create the referral (the email has no form: the fields are typed on the review page next)
        browser.findElement(By.cssSelector("label[for='create-pathway-1']")).click();
        session.click(browser.findElement(By.xpath("//button[normalize-space()='Create the referral']")));
        assertThat(browser.getCurrentUrl()).matches(".*/referrals/OP-\\d{4}-\\d{4}/review");
        String reference = browser.getCurrentUrl().replaceAll(".*/referrals/(OP-\\d{4}-\\d{4})/review", "$1");
        check("review");

        // a wrong date is refused with an error linked to its field, then corrected
        type("fields-subject-first_name", "Morgan");
        type("fields-subject-last_name", "Browsertest");
        type("fields-subject-date_of_birth", "31/02/1961");
        type("fields-referral-reason", "Found at home after a fall; concerns about the care provided.");
        type("fields-referrer-email", "pat.example@nhs.net");
        click("form[action$='/review'] button.govuk-button");
        assertThat(browser.getTitle()).startsWith("Error: ");
        assertThat(text(".govuk-error-summary")).contains("Date of birth must be a real date");
        browser.findElement(By.cssSelector(".govuk-error-summary a[href='#fields-subject-date_of_birth']")).click();
        check("review-error");
        type("fields-subject-date_of_birth", "12/05/1961");
        click("form[action$='/review'] button.govuk-button");

        assertThat(text("h1")).contains(reference);
        assertThat(text(".govuk-notification-banner--success")).contains("The fields were confirmed");
        assertThat(text(".govuk-summary-list")).contains("Found at home after a fall");
        check("case");

        // a paper that came another way: through the real server's multipart handling, with its CSRF token
        click("#add-document");
        assertThat(text("h1")).isEqualTo("Add a document");
        click("form[action$='/add-document'] button.govuk-button");
        assertThat(browser.getTitle()).startsWith("Error: ");
        assertThat(text(".govuk-error-summary")).contains("Select what the document is", "Select a file");
        check("add-document-error");
        Path chronology = Files.createTempFile("chronology", ".docx");
        try {
            Files.write(chronology, new WordDocument().heading("Chronology")
                    .paragraph("14 March: home visit by the duty social worker.").bytes());
            browser.findElement(By.cssSelector("label[for='kind-2']")).click();
            browser.findElement(By.id("file")).sendKeys(chronology.toString());
            click("form[action$='/add-document'] button.govuk-button");
        } finally {
            Files.deleteIfExists(chronology);
        }
        assertThat(text("h1")).contains(reference);
        assertThat(text(".govuk-notification-banner--success")).contains("The document was added.");
        assertThat(text("body")).contains("Added by hand", "A paper (Word document) was added by hand");

        // find it in the log by name: the name never goes into the address
        open("/referrals");
        type("q", "browsertest");
        click("form[action$='/referrals/search'] button");
        assertThat(browser.getCurrentUrl()).doesNotContainIgnoringCase("browsertest");
        assertThat(text(".govuk-table")).contains(reference, "Morgan Browsertest");
        check("referral-log");

        open("/referrals/" + reference + "/audit");
        assertThat(text(".govuk-table")).contains("Created the referral from an exception", "Viewed the case",
                "Sent the field review", "Added a document by hand");
        check("audit");

        open("/referrals/OP-2099-9999");
        assertThat(text("h1")).isEqualTo("Page not found");
        check("not-found");

        assertThat(session.accessibilityProblems()).as("serious or critical axe-core violations").isEmpty();
    }

    private void open(String path) {
        session.on(port).open(path);
    }

    private void type(String id, String value) {
        session.type(id, value);
    }

    private void click(String css) {
        session.click(css);
    }

    private String text(String css) {
        return session.text(css);
    }

    /** A full-height screenshot of the page, and axe-core's verdict on it. */
    private void check(String name) throws IOException {
        session.check(name);
    }
}
