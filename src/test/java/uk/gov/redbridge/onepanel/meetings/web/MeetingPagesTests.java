package uk.gov.redbridge.onepanel.meetings.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.meetings.AgendaItem;
import uk.gov.redbridge.onepanel.meetings.MeetingsTestSupport;
import uk.gov.redbridge.onepanel.meetings.PanelMeetings;
import uk.gov.redbridge.onepanel.meetings.Review;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.testing.PageTestData;

/**
 * The meetings pages on real data: attendance and quorum, no recommendation without the police, the chair records
 * votes and the recommendation, the secretariat the board's decision; the pack download, the annual review with its
 * charts and exports, the reviews and the dashboard. Read-only users change nothing.
 */
@SpringBootTest(properties = "onepanel.meetings.papers-check-interval=PT24H")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class MeetingPagesTests {

    static final RequestPostProcessor SECRETARIAT = user("jo.secretariat").roles("SECRETARIAT");
    static final RequestPostProcessor CHAIR = user("the.chair").roles("CHAIR");
    static final RequestPostProcessor READER = user("reader").roles("READONLY");

    @Autowired
    MockMvc mvc;
    @Autowired
    MailAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReferralLog referrals;
    @Autowired
    PanelMeetings meetings;

    @Test
    void aMeetingFromAttendanceToTheBoardsDecisionThroughThePages() throws Exception {
        String reference = new PageTestData(accounts, jdbc).referralFrom(PageTestData.uniqueSender(), "Pia",
                "Pagesmeeting");
        ReferralReference ref = ReferralReference.parse(reference);
        AgendaItem item = MeetingsTestSupport.readyForPanel(referrals, meetings, ref);
        String page = "/meetings/" + item.meetingId();
        String itemPage = page + "/items/" + item.id();

        assertThat(html("/meetings", CHAIR)).contains("Panel meetings", page);
        assertThat(html(page, READER)).contains(reference, "Not quorate");
        assertThat(status(get(page + "/pack").with(SECRETARIAT))).isEqualTo(404);

        for (String member : new String[] {"panel.chair@nelics.example", "adults.safeguarding@redbridge.example",
                "childrens.safeguarding@redbridge.example", "community.safety@redbridge.example",
                "safeguarding.adults@nelft.example"}) {
            mvc.perform(post(page + "/attendance").param("member", member).with(SECRETARIAT).with(csrf()));
        }
        assertThat(html(page, SECRETARIAT)).contains("Not quorate", "No one is here for: Police");

        MvcResult refused = mvc.perform(post(itemPage + "/decision").param("recommendations", "SAR")
                .param("sarBasis", "MANDATORY").param("reasons", "Criteria met").with(CHAIR).with(csrf())).andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo(itemPage + "#decision-form");
        assertThat(String.valueOf(refused.getFlashMap().get("pageErrors"))).contains("Not quorate", "Police");
        assertThat(meetings.decision(item.id())).isEmpty();
        assertThat(status(post(itemPage + "/decision").param("recommendations", "SAR").with(READER).with(csrf())))
                .isEqualTo(403);

        mvc.perform(post(page + "/attendance").param("member", "ea.partnerships@mps.example").with(SECRETARIAT)
                .with(csrf()));
        mvc.perform(post(page + "/attendance").param("name", "Deputy Nurse").param("agency", "NELFT")
                .with(SECRETARIAT).with(csrf()));
        assertThat(html(page, SECRETARIAT)).contains("Quorate", "Deputy Nurse");
        mvc.perform(post(itemPage + "/votes").param("agency", "NELFT").param("choice", "SAR").param("castBy", "A")
                .with(CHAIR).with(csrf()));
        mvc.perform(post(itemPage + "/votes").param("agency", "NELFT").param("choice", "SAR")
                .param("castBy", "Deputy Nurse").with(CHAIR).with(csrf()));
        assertThat(meetings.votes(item.id())).hasSize(1);

        MvcResult recorded = mvc.perform(post(itemPage + "/decision").param("recommendations", "SAR")
                .param("sarBasis", "MANDATORY").param("methodologies", "ROOT_CAUSE_ANALYSIS")
                .param("reasons", "Died after neglect; concern about joint working")
                .param("actionDescription", "Commission a reviewer", "", "")
                .param("actionOwner", "RSAB business manager", "", "")
                .param("action-due-1-day", "1").param("action-due-1-month", "3").param("action-due-1-year", "2027")
                .with(CHAIR).with(csrf())).andReturn();
        assertThat(recorded.getFlashMap().get("pageErrors")).isNull();
        assertThat(html(itemPage, READER)).contains("Statutory Safeguarding Adults Review (SAR)",
                "Mandatory: Care Act 2014 s44(1)-(3)", "Commission a reviewer", "by 1 March 2027",
                "Waiting for the chair of the board");
        assertThat(referrals.find(ref).orElseThrow().status()).isEqualTo(ReferralStatus.DECIDED);

        mvc.perform(post(itemPage + "/board-decision").param("outcome", "RATIFIED")
                .param("decidedBy", "RSAB Independent Chair").param("decided-on-day", "20")
                .param("decided-on-month", "6").param("decided-on-year", "2026")
                .param("reason", "s44(1) met").with(SECRETARIAT).with(csrf()));
        assertThat(referrals.find(ref).orElseThrow().status()).isEqualTo(ReferralStatus.REVIEW_IN_PROGRESS);
        assertThat(html("/referrals/" + reference, READER)).contains("Panel", "RSAB Independent Chair",
                "/referrals/" + reference + "/papers");
        MvcResult papers = mvc.perform(get("/referrals/" + reference + "/papers").with(READER)).andReturn();
        assertThat(papers.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(papers.getResponse().getContentAsByteArray()).startsWith("%PDF".getBytes());

        Review review = meetings.reviews().stream().filter(r -> r.referral().equals(ref)).findFirst().orElseThrow();
        String r = review.id().toString();
        mvc.perform(post("/reviews/" + review.id()).param("reviewer", "Independent reviewer")
                .param("commissioned-" + r + "-day", "5").param("commissioned-" + r + "-month", "1")
                .param("commissioned-" + r + "-year", "2026").param("milestone", "Draft report")
                .param("milestone-due-" + r + "-day", "10").param("milestone-due-" + r + "-month", "1")
                .param("milestone-due-" + r + "-year", "2026").with(SECRETARIAT).with(csrf()));
        assertThat(html("/reviews", READER)).contains("Draft report", "Independent reviewer", "app-overdue");
        assertThat(html("/", READER)).contains("review-milestones-overdue");

        // issued in the background: the page says how far it has gone, then the pack is there
        mvc.perform(post(page + "/papers").with(SECRETARIAT).with(csrf()));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120))
                .until(() -> meetings.pack(item.meetingId()).isPresent());
        MvcResult pack = mvc.perform(get(page + "/pack").with(READER)).andReturn();
        assertThat(pack.getResponse().getStatus()).isEqualTo(200);
        assertThat(pack.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(pack.getResponse().getContentAsByteArray()).startsWith("%PDF".getBytes());
    }

    @Test
    void theAnnualReviewShowsSuppressedFiguresWithChartsAndExportsForTheChair() throws Exception {
        assertThat(html("/reports/annual", READER)).contains("Annual review", "/reports/annual/charts/0.svg",
                "shown as &lt;5");
        MvcResult chart = mvc.perform(get("/reports/annual/charts/0.svg").with(READER)).andReturn();
        assertThat(chart.getResponse().getContentType()).startsWith("image/svg+xml");
        assertThat(chart.getResponse().getContentAsString()).startsWith("<svg");
        assertThat(status(get("/reports/annual.pdf").with(READER))).isEqualTo(403);
        MvcResult pdf = mvc.perform(get("/reports/annual.pdf").with(CHAIR)).andReturn();
        assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
        MvcResult xlsx = mvc.perform(get("/reports/annual.xlsx").with(CHAIR)).andReturn();
        assertThat(xlsx.getResponse().getContentAsByteArray()).startsWith(new byte[] {'P', 'K'});
        assertThat(status(get("/reports/annual").param("from", "2020-01-01").param("to", "2026-01-01")
                .with(READER))).isEqualTo(400);
    }

    private String html(String path, RequestPostProcessor who) throws Exception {
        MvcResult r = mvc.perform(get(path).with(who)).andReturn();
        assertThat(r.getResponse().getStatus()).as(path).isEqualTo(200);
        return r.getResponse().getContentAsString();
    }

    private int status(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }
}
