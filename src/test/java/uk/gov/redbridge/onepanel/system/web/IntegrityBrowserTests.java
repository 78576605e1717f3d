package uk.gov.redbridge.onepanel.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import uk.gov.redbridge.onepanel.External;
import uk.gov.redbridge.onepanel.agencies.Agency;
import uk.gov.redbridge.onepanel.agencies.AgencyDirectory;
import uk.gov.redbridge.onepanel.exceptions.ExceptionItem;
import uk.gov.redbridge.onepanel.exceptions.ExceptionStatus;
import uk.gov.redbridge.onepanel.exceptions.ExceptionsQueue;
import uk.gov.redbridge.onepanel.extraction.fixtures.FormDocuments;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral;
import uk.gov.redbridge.onepanel.links.FamilyLinks;
import uk.gov.redbridge.onepanel.links.LinkState;
import uk.gov.redbridge.onepanel.links.LinkViewer;
import uk.gov.redbridge.onepanel.links.ReferralLink;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.meetings.AgendaItem;
import uk.gov.redbridge.onepanel.meetings.Decision;
import uk.gov.redbridge.onepanel.meetings.Meeting;
import uk.gov.redbridge.onepanel.meetings.MeetingsTestSupport;
import uk.gov.redbridge.onepanel.meetings.PanelMeetings;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.requests.InformationRequests;
import uk.gov.redbridge.onepanel.requests.RequestStatus;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.testing.Browser;
import uk.gov.redbridge.onepanel.testing.PageTestData;
import uk.gov.redbridge.onepanel.testing.Quiescence;
import uk.gov.redbridge.onepanel.testing.RawCodes;
import uk.gov.redbridge.onepanel.testing.TestMail;

/**
 * The faults of issue 13 that were on pages, walked again in a real browser (Debian's headless Chromium) through
 * the real server: an email attached to the wrong referral, another person's form added, the recommendation form's
 * lost dissent and lumped errors, a date read the American way, a meeting's state, bad addresses, and the pages at a
 * phone's width. Each page is screenshotted under target/screenshots/integrity-*.png and checked by axe-core, and its
 * visible text must hold no code where words belong.
 */
@External
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "onepanel.meetings.papers-check-interval=PT24H")
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntegrityBrowserTests {

    static final String PASSWORD = "test-secret";
    static final String AGENCY = "NEL-ICS";
    static final String[] MEMBERS = {"panel.chair@nelics.example", "adults.safeguarding@redbridge.example",
            "childrens.safeguarding@redbridge.example", "community.safety@redbridge.example",
            "safeguarding.adults@nelft.example", "ea.partnerships@mps.example"};
    static Browser browser;
    /** Pages visited, for the walk at a phone's width at the end. */
    static final Map<String, String> visited = new LinkedHashMap<>();

    @LocalServerPort
    int port;
    @Autowired
    MailAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ExceptionsQueue queue;
    @Autowired
    ReferralLog referrals;
    @Autowired
    InformationRequests requests;
    @Autowired
    PanelMeetings meetings;
    @Autowired
    AgencyDirectory directory;
    @Autowired
    FamilyLinks links;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Point 1: a reply for one referral attached to another, as the reply of a request never sent; and the undo. */
    @Test
    @Order(1)
    void anEmailForOneReferralIsNotAttachedToAnotherWithoutConfirmationAndCanBeUndone() throws Exception {
        PageTestData data = new PageTestData(accounts, jdbc);
        ReferralReference a = ReferralReference.parse(data.referralFrom(PageTestData.uniqueSender(), "Ada", "Named"));
        ReferralReference b = ReferralReference.parse(data.referralFrom(PageTestData.uniqueSender(), "Bo", "Typo"));
        requests.sendNow(a, "secretariat");
        Quiescence.await(jdbc);
        ExceptionItem item = heldReply(data, a);
        browser.on(port).signIn("secretariat", PASSWORD);

        open("exception", "/exceptions/" + item.id());
        assertThat(browser.driver().findElement(By.id("reference")).getDomProperty("value")).isEqualTo(a.toString());
        List<String> offered = new Select(browser.driver().findElement(By.id("agency"))).getOptions().stream()
                .map(o -> o.getDomAttribute("value")).filter(v -> v != null && !v.isEmpty()).toList();
        assertThat(offered).contains(AGENCY).allSatisfy(code ->
                assertThat(requests.find(a, code).orElseThrow().sentAt()).isNotNull());

        browser.type("reference", b.toString());
        new Select(browser.driver().findElement(By.id("agency"))).selectByValue(AGENCY);
        browser.click("form[action$='/attach'] button");
        assertThat(browser.driver().getTitle()).startsWith("Error: ");
        assertThat(browser.text(".govuk-error-summary")).contains("was not sent an information request");
        assertThat(browser.text("#agency-error")).contains("was not sent an information request");
        browser.check("integrity-attach-agency-error");
        assertThat(requests.find(b, AGENCY).orElseThrow().status()).isEqualTo(RequestStatus.DRAFT);

        new Select(browser.driver().findElement(By.id("agency"))).selectByValue("");
        browser.click("form[action$='/attach'] button");
        assertThat(browser.text(".govuk-error-summary")).contains("This email names " + a + ", not " + b);
        assertThat(browser.text("#otherReferralConfirmed-error")).contains("names " + a);
        browser.check("integrity-attach-other-referral");
        browser.driver().findElement(By.cssSelector("label[for='otherReferralConfirmed']")).click();
        browser.click("form[action$='/attach'] button");
        assertThat(browser.text("h1")).contains(b.toString());
        assertThat(queue.find(item.id()).orElseThrow().referralReference()).isEqualTo(b.toString());

        open("exception-resolved", "/exceptions/" + item.id());
        browser.click("#undo-attach");
        assertThat(browser.text("h1")).isEqualTo("Take the email off " + b + "?");
        browser.check("integrity-undo-confirm");
        browser.click("#confirm-undo");
        assertThat(browser.text(".govuk-notification-banner--success")).contains("The email was taken off " + b);
        ExceptionItem reopened = queue.find(item.id()).orElseThrow();
        assertThat(reopened.status()).isEqualTo(ExceptionStatus.OPEN);
        assertThat(reopened.referralReference()).isEqualTo(a.toString());
        visited.put("case-attached", "/referrals/" + b);
        visited.put("audit", "/referrals/" + b + "/audit");
        assertNoCodesAndAccessible();
    }

    /** Point 2: another person's form filled the referral's blanks under a green banner. */
    @Test
    @Order(2)
    void anotherPersonsFormIsRefusedThenAddedOnlyWhenConfirmedWithEachDifferenceOnTheReview() throws Exception {
        String reference = new PageTestData(accounts, jdbc).referralFrom(PageTestData.uniqueSender(), "Alexis",
                "Heldname");
        SampleReferral other = SampleReferral.of(0, SampleReferral.Wording.OFFICIAL, SampleReferral.DateStyle.DMY);
        Path form = Files.createTempFile("referral-form", ".docx");
        try {
            Files.write(form, FormDocuments.officialTables(other));
            browser.on(port).signIn("secretariat", PASSWORD);
            open("add-document", "/referrals/" + reference + "/add-document");
            browser.driver().findElement(By.cssSelector("label[for='kind']")).click();
            browser.driver().findElement(By.id("file")).sendKeys(form.toString());
            browser.click("form[action$='/add-document'] button.govuk-button");
            assertThat(browser.driver().getTitle()).startsWith("Error: ");
            assertThat(browser.text(".govuk-error-summary")).contains("seems to be about another person");
            assertThat(browser.text("#other-person")).contains("Heldname", other.value("subject.last_name"));
            browser.check("integrity-other-person");
            assertThat(referrals.find(ReferralReference.parse(reference)).orElseThrow().form()
                    .value("subject.gp")).isEmpty();

            browser.driver().findElement(By.cssSelector("label[for='samePerson']")).click();
            browser.driver().findElement(By.id("file")).sendKeys(form.toString());
            browser.click("form[action$='/add-document'] button.govuk-button");
        } finally {
            Files.deleteIfExists(form);
        }
        assertThat(browser.text(".govuk-notification-banner--success")).contains("The document was added.");
        open("review-conflicts", "/referrals/" + reference + "/review");
        assertThat(browser.text("#conflicts")).contains("a form added later gives");
        assertThat(browser.text("#fields-subject-last_name-conflict")).contains("Heldname",
                other.value("subject.last_name"));
        visited.put("case", "/referrals/" + reference);
        visited.put("review", "/referrals/" + reference + "/review");
        visited.put("log", "/referrals");
        assertNoCodesAndAccessible();
    }

    /** Points 3, 4 and 9: no "Decided" by hand; one error per field with the dissent kept; the day comes first. */
    @Test
    @Order(3)
    void theRecommendationFormKeepsWhatWasTypedGivesOneErrorPerFieldAndReadsTheDayFirst() throws Exception {
        ReferralReference ref = ReferralReference.parse(new PageTestData(accounts, jdbc)
                .referralFrom(PageTestData.uniqueSender(), "Quinn", "Recommended"));
        browser.on(port).signIn("secretariat", PASSWORD);
        open("case-status", "/referrals/" + ref);
        List<String> statuses = new Select(browser.driver().findElement(By.id("status"))).getOptions().stream()
                .map(o -> o.getText()).toList();
        assertThat(statuses).doesNotContain("Decided", "Review in progress").contains("Closed");

        AgendaItem item = MeetingsTestSupport.readyForPanel(referrals, meetings, ref);
        for (String member : MEMBERS) {
            meetings.recordAttendance(item.meetingId(), member, null, null, "secretariat");
        }
        String itemPage = "/meetings/" + item.meetingId() + "/items/" + item.id();
        open("item", itemPage);
        browser.driver().findElement(By.cssSelector("label[for='recommendations']")).click();
        browser.type("dissent-note", "Children's services thought a learning review enough");
        browser.type("action-1", "Commission an independent reviewer");
        browser.type("action-owner-1", "RSAB business manager");
        browser.type("action-due-1-day", "01");
        browser.type("action-due-1-month", "03");
        browser.type("action-due-1-year", "2027");
        browser.click("#record-decision");
        assertThat(browser.driver().getTitle()).startsWith("Error: ");
        assertThat(browser.driver().findElements(By.cssSelector(".govuk-error-summary__list li"))).hasSize(3);
        assertThat(browser.text("#sar-basis-error")).contains("mandatory or discretionary");
        assertThat(browser.text("#reasons-error")).contains("Enter the reasons");
        assertThat(browser.text("#dissenting-error")).contains("Select the agencies that disagreed");
        assertThat(browser.driver().findElement(By.id("dissent-note")).getDomProperty("value"))
                .contains("learning review enough");
        assertThat(browser.driver().findElement(By.id("action-due-1-month")).getDomProperty("value")).isEqualTo("03");
        browser.check("integrity-recommendation-errors");
        assertThat(meetings.decision(item.id())).isEmpty();

        browser.driver().findElement(By.cssSelector("label[for='sar-basis-MANDATORY']")).click();
        browser.type("reasons", "Died after serious neglect; concern about how agencies worked together.");
        browser.driver().findElement(By.cssSelector("label[for='dissent-LBR-CSC'], label[for='dissenting']"))
                .click();
        String ticked = browser.driver().findElements(By.cssSelector("input[name='dissenting']")).stream()
                .filter(e -> e.isSelected()).map(e -> e.getDomAttribute("value")).findFirst().orElseThrow();
        browser.click("#record-decision");
        assertThat(browser.text(".govuk-notification-banner--success")).contains("recommendation was recorded");
        Decision decision = meetings.decision(item.id()).orElseThrow();
        assertThat(decision.followUps().get(0).due()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(decision.dissentNote()).contains("learning review enough");
        assertThat(decision.dissentingAgencies()).containsExactly(ticked);
        assertThat(browser.text("#decision")).contains("by 1 March 2027", "Disagreed: " + directory.nameOf(ticked),
                "learning review enough");
        visited.put("item-decided", itemPage);
        visited.put("meeting", "/meetings/" + item.meetingId());
        assertNoCodesAndAccessible();
    }

    /** Point 10 and point 8: a past meeting says so; a bad address is the sender's mistake, said in words. */
    @Test
    @Order(4)
    void aPastMeetingSaysNoAttendanceWasRecordedAndABadAddressGivesAnErrorSummary() throws Exception {
        Meeting past = meetings.addMeeting(LocalDate.now().minusDays(2), LocalTime.of(10, 0), "Room 3", "secretariat");
        browser.on(port).signIn("secretariat", PASSWORD);
        open("meeting-past", "/meetings/" + past.id());
        assertThat(browser.text("#meeting-state")).isEqualTo("Date passed: no attendance recorded");
        // meeting day: attendance and quorum before the papers and the agenda
        String page = browser.driver().getPageSource();
        assertThat(page.indexOf("id=\"attendance\"")).isLessThan(page.indexOf("id=\"papers\""));

        browser.open("/referrals?page=abc");
        assertThat(browser.driver().getTitle()).startsWith("Error: ");
        assertThat(browser.text(".govuk-error-summary")).contains("Page numbers are whole numbers from 1");
        browser.check("integrity-bad-address");
        open("annual", "/reports/annual");
        browser.type("from-day", "31");
        browser.type("from-month", "2");
        browser.type("from-year", "2026");
        browser.click("form[action$='/reports/annual'] button");
        assertThat(browser.text(".govuk-error-summary")).contains("The first day must be a real date");
        browser.check("integrity-annual-error");
        visited.put("meetings", "/meetings");
        visited.put("dashboard", "/");
        visited.put("exceptions", "/exceptions");
        visited.put("reviews", "/reviews");
        assertNoCodesAndAccessible();
    }

    /** Meeting day: the papers are issued in the background; the page says how far, and a double click sends once. */
    @Test
    @Order(5)
    void thePapersGoInTheBackgroundWithProgressAndADoubleClickSendsThemOnce() throws Exception {
        ReferralReference ref = ReferralReference.parse(new PageTestData(accounts, jdbc)
                .referralFrom(PageTestData.uniqueSender(), "Sol", "Papers"));
        AgendaItem item = MeetingsTestSupport.readyForPanel(referrals, meetings, ref);
        int before = meetings.packs(item.meetingId()).size();
        browser.on(port).signIn("secretariat", PASSWORD);
        open("meeting-papers", "/meetings/" + item.meetingId());
        new org.openqa.selenium.interactions.Actions(browser.driver())
                .doubleClick(browser.driver().findElement(By.id("issue-papers"))).perform();
        await().atMost(Duration.ofSeconds(30)).until(() -> !browser.driver()
                .findElements(By.id("papers-progress-text")).isEmpty());
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            List<org.openqa.selenium.WebElement> text = browser.driver().findElements(By.id("papers-progress-text"));
            return !text.isEmpty() && text.get(0).getText().startsWith("The papers were issued");
        });
        browser.check("integrity-papers-issued");
        assertThat(meetings.packs(item.meetingId())).hasSize(before + 1);
    }

    /** Demo users for every role: the chair and a read-only user see their own view. */
    @Test
    @Order(6)
    void theChairAndAReadOnlyUserSignInAndSeeTheirOwnView() throws Exception {
        ReferralReference ref = ReferralReference.parse(new PageTestData(accounts, jdbc)
                .referralFrom(PageTestData.uniqueSender(), "Uma", "Roles"));
        AgendaItem item = MeetingsTestSupport.readyForPanel(referrals, meetings, ref);
        String itemPage = "/meetings/" + item.meetingId() + "/items/" + item.id();

        browser.on(port).signIn("chair", PASSWORD);
        assertThat(browser.text(".app-signed-in")).contains("chair");
        browser.open(itemPage);
        assertThat(browser.driver().findElements(By.id("record-decision"))).hasSize(1);
        browser.open("/referrals/" + ref);
        assertThat(browser.driver().findElements(By.id("add-document"))).isEmpty();
        browser.check("integrity-chair-case");

        browser.signIn("readonly", PASSWORD);
        browser.open(itemPage);
        assertThat(browser.driver().findElements(By.id("record-decision"))).isEmpty();
        browser.open("/referrals/" + ref);
        assertThat(browser.driver().findElements(By.cssSelector("form[action$='/status']"))).isEmpty();
        browser.check("integrity-readonly-case");
    }

    /** Tables that work at 375 px: no page scrolls sideways at a phone's width, and each says its codes in words. */
    @Test
    @Order(7)
    void everyPageWorksAtAPhonesWidthWithoutScrollingSideways() throws Exception {
        // the pages the other branches added too: a Think Family link confirmed (the case's links table and the
        // combined history) and a sign-in lock (five wrong passwords for a made-up user name)
        PageTestData data = new PageTestData(accounts, jdbc);
        ReferralReference first = ReferralReference.parse(data.referralFrom(PageTestData.uniqueSender(), "Noor",
                "Phonelinked"));
        ReferralReference second = ReferralReference.parse(data.referralFrom(PageTestData.uniqueSender(), "Noor",
                "Phonelinked"));
        Quiescence.await(jdbc);
        ReferralLink link = links.of(first, LinkViewer.PANEL).links().stream().filter(l -> l.other().equals(second))
                .findFirst().orElseThrow();
        links.decide(first, link.id(), LinkState.CONFIRMED, "Known to both teams", "secretariat", LinkViewer.PANEL);
        for (int i = 0; i < 5; i++) {
            browser.on(port).signIn("phone.locked", "not-the-password");
        }
        browser.on(port).signIn("secretariat", PASSWORD);
        RawCodes codes = new RawCodes(directory.all().stream().map(Agency::code)
                .filter(c -> !directory.nameOf(c).contains(c) && !c.equals("CSP")).toList());
        List<String> found = new ArrayList<>();
        for (String[] page : new String[][] {{"linked-case", "/referrals/" + first},
                {"combined-timeline", "/referrals/" + first + "/combined-timeline"}, {"sign-in-locks", "/sign-in-locks"},
                {"dashboard", "/"}}) {
            open(page[0], page[1]);
            codes.in(browser.visibleText()).forEach(c -> found.add(page[1] + ": " + c));
            browser.check("integrity-" + page[0]);
        }
        browser.open("/sign-in-locks");
        assertThat(browser.text("#locks")).contains("phone.locked");
        browser.open("/referrals/" + first);
        assertThat(browser.text("#links")).contains(second.toString(), "Same person", "Confirmed");
        assertThat(found).as("codes where words belong").isEmpty();
        browser.on(port).signIn("secretariat", PASSWORD);
        Map<String, Long> overflow = new LinkedHashMap<>();
        try {
            browser.viewport(375);
            for (Map.Entry<String, String> page : visited.entrySet()) {
                browser.open(page.getValue());
                long wider = browser.sidewaysOverflow();
                if (wider > 0) {
                    overflow.put(page.getValue(), wider);
                }
                browser.check("integrity-375-" + page.getKey());
            }
        } finally {
            browser.viewport(0);
        }
        assertThat(visited).hasSizeGreaterThanOrEqualTo(10);
        assertThat(overflow).as("pages wider than a 375 px phone (CSS pixels too wide)").isEmpty();
        assertThat(browser.accessibilityProblems()).as("serious or critical axe-core violations").isEmpty();
    }

    private void open(String name, String path) {
        browser.open(path);
        visited.putIfAbsent(name, path);
    }

    /** The current page's words: no code where a word belongs; and axe-core's verdict on it. */
    private void assertNoCodesAndAccessible() throws IOException {
        RawCodes codes = new RawCodes(directory.all().stream().map(Agency::code)
                .filter(c -> !directory.nameOf(c).contains(c) && !c.equals("CSP")).toList());
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, String> page : visited.entrySet()) {
            browser.open(page.getValue());
            codes.in(browser.visibleText()).forEach(c -> found.add(page.getValue() + ": " + c));
            browser.check("integrity-" + page.getKey());
        }
        assertThat(found).as("codes where words belong").isEmpty();
        assertThat(browser.accessibilityProblems()).as("serious or critical axe-core violations").isEmpty();
    }

    private ExceptionItem heldReply(PageTestData data, ReferralReference a) {
        String sender = "named.nurse." + java.util.UUID.randomUUID().toString().substring(0, 6) + "@unlisted.example";
        data.deliver(TestMail.create().from(sender).to(PageTestData.ONEPANEL)
                .subject("RE: [" + a + "/" + AGENCY + "] Screening request for information")
                .text("Our return: known to the service since 2024.")
                .attach("return.txt", "text/plain", "Chronology follows.".getBytes(StandardCharsets.UTF_8)).bytes(),
                PageTestData.ONEPANEL);
        String messageId = jdbc.sql("SELECT id FROM inbound_message WHERE sender LIKE :s")
                .param("s", "%" + sender + "%").query(String.class).single();
        return queue.open(10_000).stream().filter(e -> e.messageId() != null
                && e.messageId().toString().equals(messageId)).findFirst().orElseThrow();
    }
}
