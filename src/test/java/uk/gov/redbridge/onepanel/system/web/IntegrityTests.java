package uk.gov.redbridge.onepanel.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.meetings.Meeting;
import uk.gov.redbridge.onepanel.meetings.MeetingState;
import uk.gov.redbridge.onepanel.meetings.PanelMeetings;
import uk.gov.redbridge.onepanel.meetings.PapersIssue;
import uk.gov.redbridge.onepanel.meetings.MeetingsTestSupport;
import uk.gov.redbridge.onepanel.meetings.AgendaItem;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.shared.Pathway;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.testing.PageTestData;
import uk.gov.redbridge.onepanel.testing.Quiescence;
import uk.gov.redbridge.onepanel.testing.TestMail;

/**
 * The data-integrity points of issue 13 that are rules of the service (each test fails on the code before it), the
 * bad query parameters of issue 11, the exceptions queue paged through everything, the demo users, and the papers
 * issued once however often the button is pressed.
 */
@SpringBootTest(properties = "onepanel.meetings.papers-check-interval=PT24H")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class IntegrityTests {

    static final RequestPostProcessor SECRETARIAT = user("sky.secretariat").roles("SECRETARIAT");
    static final String RSAB = "RSAB@redbridge.gov.uk";
    static final String RSCP = "RedbridgeSCP@redbridge.gov.uk";

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
    @Autowired
    Clock clock;

    /** Point 3: a referral's status could be set to "Decided" by hand with no recommendation recorded. */
    @Test
    void aReferralIsDecidedOnlyThroughARecordedRecommendation() throws Exception {
        ReferralReference ref = ReferralReference.parse(new PageTestData(accounts, jdbc)
                .referralFrom(PageTestData.uniqueSender(), "Dara", "Decidedbyhand"));

        MvcResult page = mvc.perform(post("/referrals/" + ref + "/status").param("status", "DECIDED")
                .param("reason", "the panel met").with(SECRETARIAT).with(csrf())).andReturn();

        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("<title>Error: ",
                "href=\"#status\"", "A referral is decided only when the panel");
        assertThatThrownBy(() -> referrals.changeStatus(ref, ReferralStatus.DECIDED, "sky.secretariat", "by hand"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> referrals.changeStatus(ref, ReferralStatus.REVIEW_IN_PROGRESS, "sky.secretariat",
                "by hand")).isInstanceOf(IllegalStateException.class);
        assertThat(referrals.find(ref).orElseThrow().status()).isEqualTo(ReferralStatus.RECEIVED);
        assertThat(html(get("/referrals/" + ref))).doesNotContain("<option value=\"DECIDED\"");
    }

    /** Point 5: a child sent to RSAB@ went to the adults' pathway, an adult sent to RSCP@ to the children's, unflagged. */
    @Test
    void aPathwayThatDoesNotFitTheSubjectsAgeIsFlaggedOnTheCaseAndTheDashboard() throws Exception {
        PageTestData data = new PageTestData(accounts, jdbc);
        Referral child = referralTo(data, RSAB, "Kit", "Sevenyears", "02/05/2019");
        Referral adult = referralTo(data, RSCP, "Lee", "Twentyfive", "02/05/2000");

        assertThat(child.pathway()).isEqualTo(Pathway.ADULTS_SAR);
        assertThat(adult.pathway()).isEqualTo(Pathway.CHILDREN_CSPR);
        assertThat(child.pathwayReason()).contains(RSAB).doesNotContain("rsab mailbox");
        assertThat(html(get("/referrals/" + child.reference()))).contains("id=\"pathway-concern\"",
                "the subject&#39;s age as 6: a child, on the adults&#39; pathway");
        assertThat(html(get("/referrals/" + adult.reference()))).contains("id=\"pathway-concern\"",
                "an adult, on the children&#39;s pathway");
        assertThat(html(get("/"))).contains("Pathways to check", child.reference().toString(),
                adult.reference().toString());
        // changed by a person who knows the case: no longer flagged
        referrals.changePathway(child.reference(), Pathway.CHILDREN_CSPR, "sky.secretariat", "a child");
        assertThat(html(get("/referrals/" + child.reference()))).doesNotContain("id=\"pathway-concern\"");
    }

    /** Point 8 (and issue 11): bad query parameters gave 500, and the raw input was logged at ERROR. */
    @Test
    void badQueryParametersAreA400WithAnErrorSummaryAndAreNeverLogged(CapturedOutput output) throws Exception {
        for (String page : new String[] {"abc", "999999999999999", "0", "-1"}) {
            MvcResult r = mvc.perform(get("/referrals").param("page", page).with(SECRETARIAT)).andReturn();
            assertThat(r.getResponse().getStatus()).as(page).isEqualTo(400);
            assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).as(page)
                    .contains("<title>Error: ", "There is a problem", "Page numbers are whole numbers from 1");
        }
        for (String[] bad : new String[][] {{"/referrals", "status", "NOT_A_STATUS"}, {"/referrals", "mailbox", "x"},
                {"/exceptions", "page", "abc"}, {"/exceptions", "reason", "nonsense"}, {"/exceptions", "show", "x"}}) {
            MvcResult r = mvc.perform(get(bad[0]).param(bad[1], bad[2]).with(SECRETARIAT)).andReturn();
            assertThat(r.getResponse().getStatus()).as(bad[0] + "?" + bad[1]).isEqualTo(400);
            assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("There is a problem");
        }
        MvcResult annual = mvc.perform(get("/reports/annual").param("from-day", "31").param("from-month", "2")
                .param("from-year", "2026").with(SECRETARIAT)).andReturn();
        assertThat(annual.getResponse().getStatus()).isEqualTo(400);
        assertThat(annual.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("There is a problem",
                "href=\"#from-day\"", "The first day must be a real date");

        String hostile = "\u0000'\"<script>alert(1)</script>";
        MvcResult api = mvc.perform(get("/api/referrals").param("status", hostile)
                .with(httpBasic("secretariat", "test-secret"))).andReturn();
        assertThat(api.getResponse().getStatus()).isEqualTo(400);
        assertThat(api.getResponse().getContentType()).startsWith("application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(api.getResponse().getContentAsString());
        assertThat(problem.path("parameter").asString()).isEqualTo("status");
        assertThat(api.getResponse().getContentAsString()).doesNotContain("script");
        for (String[] bad : new String[][] {{"/api/referrals", "limit", "abc"}, {"/api/referrals", "limit", "0"},
                {"/api/exceptions", "page", "abc"}, {"/api/exceptions", "size", "100000"},
                {"/api/exceptions", "status", hostile}}) {
            MvcResult r = mvc.perform(get(bad[0]).param(bad[1], bad[2]).with(httpBasic("secretariat", "test-secret")))
                    .andReturn();
            assertThat(r.getResponse().getStatus()).as(bad[0] + "?" + bad[1]).isEqualTo(400);
            assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
        }
        assertThat(output.getAll()).doesNotContain("<script>", "alert(1)", "\u0000", "999999999999999");
    }

    /** Issue 11: the exceptions page showed the oldest 500 of 900 with no paging, the API the same by default. */
    @Test
    void theExceptionsQueueIsPagedThroughEverythingOnThePageAndInTheApi() throws Exception {
        String mailbox = "paging" + UUID.randomUUID().toString().substring(0, 6);
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusDays(30);
        for (int i = 0; i < 520; i++) {
            jdbc.sql("INSERT INTO exception_item (id, reason, explanation, mailbox, source_key, status, created_at) "
                            + "VALUES (:id, 'timeout', 'Took too long to read (test)', :m, :k, 'OPEN', :at)")
                    .param("id", UUID.randomUUID()).param("m", mailbox).param("k", "test:" + mailbox + ":" + i)
                    .param("at", start.plusMinutes(i)).update();
        }

        String first = html(get("/exceptions").param("mailbox", mailbox));
        assertThat(first).contains("Showing 1 to 50 of 520", "href=\"/exceptions?mailbox=" + mailbox + "&amp;page=11\"");
        String last = html(get("/exceptions").param("mailbox", mailbox).param("page", "11"));
        assertThat(last).contains("Showing 501 to 520 of 520");
        String byReason = html(get("/exceptions").param("mailbox", mailbox).param("reason", "timeout"));
        assertThat(byReason).contains("of 520");

        JsonNode page = api("/api/exceptions?mailbox=" + mailbox + "&size=500");
        assertThat(page.path("total").asLong()).isEqualTo(520);
        assertThat(page.path("items").size()).isEqualTo(500);
        assertThat(page.path("next").asString()).contains("page=2");
        JsonNode second = api(page.path("next").asString());
        assertThat(second.path("items").size()).isEqualTo(20);
        assertThat(second.path("next").isNull()).isTrue();
    }

    /** Point 10: a meeting in the past stayed "Scheduled"; a future one showed "Held" once attendance was recorded. */
    @Test
    void aMeetingsStateFollowsTheClockAndTheAttendance() throws Exception {
        LocalDate today = LocalDate.now(clock);
        Meeting past = meetings.addMeeting(today.minusDays(3), LocalTime.of(10, 0), "Committee room 1", "sky");
        Meeting future = meetings.addMeeting(today.plusDays(40), LocalTime.of(10, 0), "Committee room 2", "sky");
        meetings.recordAttendance(future.id(), "panel.chair@nelics.example", null, null, "sky");

        assertThat(meetings.find(past.id()).orElseThrow().state()).isEqualTo(MeetingState.NOT_RECORDED);
        assertThat(meetings.find(future.id()).orElseThrow().state()).isEqualTo(MeetingState.SCHEDULED);
        assertThat(html(get("/meetings/" + past.id()))).contains("Date passed: no attendance recorded")
                .doesNotContain(">Scheduled<");
        assertThat(html(get("/meetings/" + future.id()))).contains(">Scheduled<").doesNotContain(">Held<");
        meetings.recordAttendance(past.id(), "panel.chair@nelics.example", null, null, "sky");
        assertThat(meetings.find(past.id()).orElseThrow().state()).isEqualTo(MeetingState.HELD);
    }

    /** Meeting day: the papers go in the background, and a double click issues them once. */
    @Test
    void thePapersAreIssuedInTheBackgroundOnceHoweverOftenTheButtonIsPressed() throws Exception {
        ReferralReference ref = ReferralReference.parse(new PageTestData(accounts, jdbc)
                .referralFrom(PageTestData.uniqueSender(), "Pat", "Papersonce"));
        AgendaItem item = MeetingsTestSupport.readyForPanel(referrals, meetings, ref);
        String page = "/meetings/" + item.meetingId();

        MvcResult first = mvc.perform(post(page + "/papers").with(SECRETARIAT).with(csrf())).andReturn();
        MvcResult second = mvc.perform(post(page + "/papers").with(SECRETARIAT).with(csrf())).andReturn();

        assertThat(first.getResponse().getRedirectedUrl()).isEqualTo(page + "#papers");
        assertThat(second.getResponse().getRedirectedUrl()).isEqualTo(page + "#papers");
        String progress = mvc.perform(get(page + "/papers/progress").with(SECRETARIAT)).andReturn().getResponse()
                .getContentAsString();
        assertThat(progress).contains("\"state\"", "\"total\"");
        await().atMost(Duration.ofSeconds(180)).until(() -> meetings.papersIssue(item.meetingId())
                .map(i -> !i.running()).orElse(false));
        assertThat(meetings.papersIssue(item.meetingId()).orElseThrow().state()).isEqualTo(PapersIssue.State.ISSUED);
        assertThat(meetings.packs(item.meetingId())).hasSize(1);
        assertThat(html(get(page))).contains("The papers were issued to the members (issue 1).");
        Quiescence.await(jdbc);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbound_mail WHERE template = 'meeting-pack' AND subject LIKE :s")
                .param("s", "%" + DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)
                        .format(meetings.find(item.meetingId()).orElseThrow().date()) + "%")
                .query(Integer.class).single()).isPositive();
    }

    /** Demo users for every role, with the one demo password: each role's view can be tried. */
    @Test
    void theChairAndAReadOnlyUserCanSignInWithTheDemoPasswordAndSeeTheirRolesView() throws Exception {
        MockHttpSession chair = signIn("chair");
        MockHttpSession readonly = signIn("readonly");

        assertThat(mvc.perform(get("/referrals").session(chair)).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/referrals/export.csv").session(chair)).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(get("/referrals/export.csv").session(readonly)).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(post("/meetings").session(readonly).with(csrf())).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/api/referrals").with(httpBasic("chair", "test-secret"))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
    }

    /** Point 7's other files: the spreadsheets and the annual review's PDF say the service made them, and name no one. */
    @Test
    void theSpreadsheetsAndTheAnnualReviewPdfCarryNoPersonsNameInTheirProperties() throws Exception {
        new PageTestData(accounts, jdbc).referralFrom(PageTestData.uniqueSender(), "Ola", "Spreadsheet");
        for (String path : new String[] {"/referrals/export.xlsx", "/reports/annual.xlsx"}) {
            byte[] xlsx = mvc.perform(get(path).with(SECRETARIAT)).andReturn().getResponse().getContentAsByteArray();
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                var core = book.getProperties().getCoreProperties();
                assertThat(core.getCreator()).as(path).isEqualTo("One Panel service");
                assertThat(core.getLastModifiedByUser()).as(path).isIn(null, "One Panel service");
            }
        }
        // the annual review's PDF (the papers' PDF: PapersIntegrityTests): the service as its maker, no XMP packet
        MvcResult annual = mvc.perform(get("/reports/annual.pdf").with(SECRETARIAT)).andReturn();
        assertThat(annual.getResponse().getStatus()).isEqualTo(200);
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(
                annual.getResponse().getContentAsByteArray())) {
            var info = pdf.getDocumentInformation();
            assertThat(info.getAuthor()).isNull();
            assertThat(info.getCreator()).isEqualTo("One Panel service");
            assertThat(info.getProducer()).isEqualTo("One Panel service");
            assertThat(pdf.getDocumentCatalog().getMetadata()).isNull();
        }
    }

    /** Words: the annual review lower-cased agencies' names ("Nelft nhs foundation trust"). */
    @Test
    void theAnnualReviewNamesReferringAgenciesAsTheDirectoryDoes() throws Exception {
        new PageTestData(accounts, jdbc).referralFrom(PageTestData.uniqueSender(), "Noa", "Agencyname");
        String page = html(get("/reports/annual"));
        assertThat(page).contains("North East London NHS Foundation Trust (NELFT)").doesNotContain("Nelft");
    }

    private Referral referralTo(PageTestData data, String mailbox, String first, String last, String dob) {
        String sender = PageTestData.uniqueSender();
        data.deliver(TestMail.create().from(sender).to(mailbox).subject("One Panel referral")
                .text(TestMail.bodyReferral(first, last, dob, "Found at home after a fall.", "020 7946 0001"))
                .bytes(), mailbox);
        String reference = jdbc.sql("SELECT reference FROM referral WHERE sender_address = :s").param("s", sender)
                .query(String.class).single();
        return referrals.find(ReferralReference.parse(reference)).orElseThrow();
    }

    private MockHttpSession signIn(String username) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user(username).password("test-secret")).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).as(username).doesNotContain("error");
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private JsonNode api(String path) throws Exception {
        MvcResult r = mvc.perform(get(path).with(httpBasic("secretariat", "test-secret"))).andReturn();
        assertThat(r.getResponse().getStatus()).as(path).isEqualTo(200);
        return JsonMapper.builder().build().readTree(r.getResponse().getContentAsString());
    }

    private String html(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        MvcResult r = mvc.perform(request instanceof org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder b
                ? b.with(SECRETARIAT) : request).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
