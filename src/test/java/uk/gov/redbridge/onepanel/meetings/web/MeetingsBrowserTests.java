package uk.gov.redbridge.onepanel.meetings.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.gov.redbridge.onepanel.External;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.meetings.AgendaItem;
import uk.gov.redbridge.onepanel.meetings.Meeting;
import uk.gov.redbridge.onepanel.meetings.PanelMeetings;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.testing.PageTestData;

/**
 * A decision recorded through the pages in a real browser (headless Chromium): attendance recorded member by member,
 * the recommendation refused while the police are absent, then recorded once they are, with one vote for NELFT.
 * Screenshots under target/screenshots/meetings-*.png; axe-core finds no serious or critical violation.
 */
@External
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "onepanel.meetings.papers-check-interval=PT24H")
@ActiveProfiles("test")
class MeetingsBrowserTests {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Path AXE = Path.of(System.getProperty("axe.script", "target/node/node_modules/axe-core/axe.min.js"));
    static final JsonMapper JSON = JsonMapper.builder().build();

    static WebDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    MailAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReferralLog referrals;
    @Autowired
    PanelMeetings meetings;

    final List<String> accessibilityProblems = new ArrayList<>();

    @BeforeAll
    static void startBrowser() throws IOException {
        assertThat(AXE).as("axe-core: run `npm install --prefix target/node axe-core` (.ci/run does)").exists();
        Path profile = Files.createTempDirectory("onepanel-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
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
    void theSecretariatRecordsAttendanceAndThePanelsRecommendation() throws Exception {
        String reference = new PageTestData(accounts, jdbc).referralFrom(PageTestData.uniqueSender(), "Bryn",
                "Browsermeeting");
        ReferralReference ref = ReferralReference.parse(reference);
        referrals.changeStatus(ref, ReferralStatus.READY_FOR_PANEL, "secretariat", "returns reviewed");
        Meeting meeting = await().atMost(Duration.ofSeconds(30)).until(() -> meetings.meetings().stream()
                .filter(m -> meetings.agenda(m.id()).stream().anyMatch(i -> ref.equals(i.referral()))).findFirst(),
                Optional::isPresent).orElseThrow();
        AgendaItem item = meetings.agenda(meeting.id()).stream().filter(i -> ref.equals(i.referral())).findFirst()
                .orElseThrow();

        open("/meetings");
        type("username", "secretariat");
        type("password", "test-secret");
        click("button.govuk-button");
        assertThat(text("h1")).isEqualTo("Panel meetings");
        check("meetings-list");

        open("/meetings/" + meeting.id());
        for (String member : List.of("panel.chair@nelics.example", "adults.safeguarding@redbridge.example",
                "childrens.safeguarding@redbridge.example", "community.safety@redbridge.example",
                "safeguarding.adults@nelft.example")) {
            new Select(browser.findElement(By.id("member"))).selectByValue(member);
            click("#record-attendance");
        }
        assertThat(text("#quorum")).contains("Not quorate", "Police");
        check("meetings-meeting");

        browser.findElement(By.linkText(item.title())).click();
        decide();
        assertThat(browser.getTitle()).startsWith("Error: ");
        assertThat(text(".govuk-error-summary")).contains("Not quorate", "Police");
        check("meetings-item-refused");

        open("/meetings/" + meeting.id());
        new Select(browser.findElement(By.id("member"))).selectByValue("ea.partnerships@mps.example");
        click("#record-attendance");
        assertThat(text("#quorum")).startsWith("Quorate");

        browser.findElement(By.linkText(item.title())).click();
        new Select(browser.findElement(By.id("vote-agency"))).selectByValue("NELFT");
        new Select(browser.findElement(By.id("vote-choice"))).selectByValue("SAR");
        type("vote-by", "Named Professional");
        click("#record-vote");
        new Select(browser.findElement(By.id("vote-agency"))).selectByValue("NELFT");
        type("vote-by", "Deputy");
        click("#record-vote");
        assertThat(browser.findElements(By.cssSelector("#vote-table tbody tr"))).hasSize(1);
        decide();
        assertThat(text(".govuk-notification-banner--success")).contains("recommendation was recorded");
        assertThat(text("#decision")).contains("Statutory Safeguarding Adults Review (SAR)",
                "Mandatory: Care Act 2014 s44(1)-(3)", "Quorate");
        check("meetings-item-decided");
        assertThat(referrals.find(ref).orElseThrow().status()).isEqualTo(ReferralStatus.DECIDED);

        open("/reports/annual");
        assertThat(text("#annual-referrals")).isNotBlank();
        check("meetings-annual");

        assertThat(accessibilityProblems).as("serious or critical axe-core violations").isEmpty();
    }

    private void decide() {
        browser.findElement(By.cssSelector("label[for='recommendations']")).click();
        browser.findElement(By.cssSelector("label[for='sar-basis-MANDATORY']")).click();
        type("reasons", "Died after serious neglect; concern about how agencies worked together.");
        click("#record-decision");
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
