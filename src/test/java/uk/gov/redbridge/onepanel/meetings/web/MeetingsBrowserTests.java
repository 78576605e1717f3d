package uk.gov.redbridge.onepanel.meetings.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import uk.gov.redbridge.onepanel.External;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.meetings.AgendaItem;
import uk.gov.redbridge.onepanel.meetings.MeetingsTestSupport;
import uk.gov.redbridge.onepanel.meetings.PanelMeetings;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.testing.Browser;
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

    static Browser browser;

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

    @Test
    void theSecretariatRecordsAttendanceAndThePanelsRecommendation() throws Exception {
        browser.on(port);
        ReferralReference ref = ReferralReference.parse(new PageTestData(accounts, jdbc)
                .referralFrom(PageTestData.uniqueSender(), "Bryn", "Browsermeeting"));
        AgendaItem item = MeetingsTestSupport.readyForPanel(referrals, meetings, ref);
        String meeting = "/meetings/" + item.meetingId();

        browser.open("/meetings");
        browser.type("username", "secretariat");
        browser.type("password", "test-secret");
        browser.click("button.govuk-button");
        assertThat(browser.text("h1")).isEqualTo("Panel meetings");
        browser.check("meetings-list");

        browser.open(meeting);
        for (String member : List.of("panel.chair@nelics.example", "adults.safeguarding@redbridge.example",
                "childrens.safeguarding@redbridge.example", "community.safety@redbridge.example",
                "safeguarding.adults@nelft.example")) {
            select("member", member);
            browser.click("#record-attendance");
        }
        assertThat(browser.text("#quorum")).contains("Not quorate", "Police");
        browser.check("meetings-meeting");

        browser.click(browser.driver().findElement(By.linkText(item.title())));
        decide();
        assertThat(browser.driver().getTitle()).startsWith("Error: ");
        assertThat(browser.text(".govuk-error-summary")).contains("Not quorate", "Police");
        browser.check("meetings-item-refused");

        browser.open(meeting);
        select("member", "ea.partnerships@mps.example");
        browser.click("#record-attendance");
        assertThat(browser.text("#quorum")).startsWith("Quorate");

        browser.click(browser.driver().findElement(By.linkText(item.title())));
        select("vote-agency", "NELFT");
        select("vote-choice", "SAR");
        browser.type("vote-by", "Named Professional");
        browser.click("#record-vote");
        select("vote-agency", "NELFT");
        browser.type("vote-by", "Deputy");
        browser.click("#record-vote");
        assertThat(browser.driver().findElements(By.cssSelector("#vote-table tbody tr"))).hasSize(1);
        decide();
        assertThat(browser.text(".govuk-notification-banner--success")).contains("recommendation was recorded");
        assertThat(browser.text("#decision")).contains("Statutory Safeguarding Adults Review (SAR)",
                "Mandatory: Care Act 2014 s44(1)-(3)", "Quorate");
        browser.check("meetings-item-decided");
        assertThat(referrals.find(ref).orElseThrow().status()).isEqualTo(ReferralStatus.DECIDED);

        browser.open("/reports/annual");
        assertThat(browser.text("#annual-referrals")).isNotBlank();
        browser.check("meetings-annual");

        assertThat(browser.accessibilityProblems()).as("serious or critical axe-core violations").isEmpty();
    }

    private void decide() {
        browser.click("label[for='recommendations']");
        browser.click("label[for='sar-basis-MANDATORY']");
        browser.type("reasons", "Died after serious neglect; concern about how agencies worked together.");
        browser.click("#record-decision");
    }

    private void select(String id, String value) {
        new Select(browser.driver().findElement(By.id(id))).selectByValue(value);
    }
}
