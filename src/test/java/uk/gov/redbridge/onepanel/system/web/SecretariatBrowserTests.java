package uk.gov.redbridge.onepanel.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.gov.redbridge.onepanel.External;
import uk.gov.redbridge.onepanel.exceptions.ExceptionItem;
import uk.gov.redbridge.onepanel.exceptions.ExceptionsQueue;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
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

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Path AXE = Path.of(System.getProperty("axe.script", "target/node/node_modules/axe-core/axe.min.js"));
    static final JsonMapper JSON = JsonMapper.builder().build();

    static WebDriver browser;
    static Path profile;

    @LocalServerPort
    int port;
    @Autowired
    MailAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ExceptionsQueue queue;

    final List<String> accessibilityProblems = new ArrayList<>();

    @BeforeAll
    static void startBrowser() throws IOException {
        assertThat(AXE).as("axe-core: run `npm install --prefix target/node axe-core` (.ci/run does)").exists();
        profile = Files.createTempDirectory("onepanel-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        // no internet on these machines: background networking makes Chromium hang
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1024");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(60));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
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
        browser.findElement(By.xpath("//button[normalize-space()='Create the referral']")).click();
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

        // find it in the log by name: the name never goes into the address
        open("/referrals");
        type("q", "browsertest");
        click("form[action$='/referrals/search'] button");
        assertThat(browser.getCurrentUrl()).doesNotContainIgnoringCase("browsertest");
        assertThat(text(".govuk-table")).contains(reference, "Morgan Browsertest");
        check("referral-log");

        open("/referrals/" + reference + "/audit");
        assertThat(text(".govuk-table")).contains("Created the referral from an exception", "Viewed the case",
                "Sent the field review");
        check("audit");

        open("/referrals/OP-2099-9999");
        assertThat(text("h1")).isEqualTo("Page not found");
        check("not-found");

        assertThat(accessibilityProblems).as("serious or critical axe-core violations").isEmpty();
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }

    private void type(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private void click(String css) {
        browser.findElement(By.cssSelector(css)).click();
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    /** A full-height screenshot of the page, and axe-core's verdict on it. */
    private void check(String name) throws IOException {
        Dimension normal = browser.manage().window().getSize();
        long height = (Long) ((JavascriptExecutor) browser).executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
        browser.manage().window().setSize(new Dimension(normal.getWidth(), (int) Math.min(height + 150, 6000)));
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);");
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(normal);

        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(Files.readString(AXE));
        String result = (String) js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(JSON.stringify(r.violations))).catch(e => done('[{\"id\":\"axe-error\",\"impact\":\"critical\",\"help\":\"' + e + '\",\"nodes\":[]}]'));");
        Files.writeString(SCREENSHOTS.resolve(name + ".axe.json"), result);
        for (JsonNode violation : JSON.readTree(result)) {
            String impact = violation.path("impact").asString("");
            if (impact.equals("serious") || impact.equals("critical")) {
                List<String> targets = new ArrayList<>();
                violation.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
                accessibilityProblems.add(name + ": " + violation.path("id").asString() + " (" + impact + ") "
                        + violation.path("help").asString() + " at " + targets);
            }
        }
    }
}
