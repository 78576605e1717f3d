package uk.gov.redbridge.onepanel.referrals.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.gov.redbridge.onepanel.exceptions.ExceptionsQueue;
import uk.gov.redbridge.onepanel.extraction.ExtractedField;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.referrals.FieldCorrection;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.shared.Pathway;
import uk.gov.redbridge.onepanel.testing.PageTestData;
import uk.gov.redbridge.onepanel.testing.Quiescence;

/** The referral pages against real data: the log, the case, the field review, the exports, the audit trail. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ReferralPagesTests {

    static final RequestPostProcessor SECRETARIAT = user("sam.secretariat").roles("SECRETARIAT");

    @Autowired
    MockMvc mvc;
    @Autowired
    MailAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ExceptionsQueue queue;
    @Autowired
    ReferralLog referrals;

    PageTestData data;

    @BeforeEach
    void data() {
        data = new PageTestData(accounts, jdbc);
    }

    @Test
    void theCasePageShowsTheReferralAndRecordsTheViewOnce() throws Exception {
        String reference = data.referralFrom(PageTestData.uniqueSender(), "Alexis", "Casepage");

        String page = html(get("/referrals/" + reference).with(SECRETARIAT));

        assertThat(page).contains(reference, "Alexis Casepage", "Received", "Referral email",
                "Acknowledgement to the referrer");
        assertThat(auditRows(reference, "case.viewed")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("ACTOR", "sam.secretariat")
                        .containsEntry("OUTCOME", "200").containsKey("IP"));
    }

    @Test
    void anUnknownReferenceIsNotFoundAndNothingLeaksIntoTheAudit() throws Exception {
        MvcResult result = mvc.perform(get("/referrals/OP-2026-9999").with(SECRETARIAT)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/referrals/{r}", "Jane Doe").with(SECRETARIAT)).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE referral_reference LIKE '%Jane%' "
                + "OR detail LIKE '%Jane%'").query(Integer.class).single()).isZero();
    }

    @Test
    void theReviewPageShowsWhereEachFieldWasReadAndMarksTheDoubtfulOnes() throws Exception {
        Referral referral = data.doubtfulReferral(PageTestData.uniqueSender(), queue, referrals);

        String page = html(get("/referrals/" + referral.reference() + "/review").with(SECRETARIAT));

        assertThat(page).contains("2 fields need checking", "referral.docx, table 2, row 3, cell 2 (label &#39;D.O.B.&#39;)",
                "Written as &quot;2/5/61&quot;", "40% sure", "NHS number fails the Modulus 11 check");
        assertThat(page).contains("id=\"fields-subject-date_of_birth\"", "name=\"fields[subject.date_of_birth]\"");
    }

    @Test
    void aWrongValueIsRefusedWithAnErrorLinkedToItsField() throws Exception {
        Referral referral = data.doubtfulReferral(PageTestData.uniqueSender(), queue, referrals);

        MvcResult result = mvc.perform(post("/referrals/" + referral.reference() + "/review").with(SECRETARIAT)
                        .with(csrf()).param("fields[subject.date_of_birth]", "31/2/1961")
                        .param("fields[subject.nhs_number]", "999 000 0019"))
                .andReturn();

        String page = result.getResponse().getContentAsString();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(page).contains("<title>Error: ", "There is a problem",
                "href=\"#fields-subject-date_of_birth\"", "Date of birth must be a real date",
                "href=\"#fields-subject-nhs_number\"", "NHS number must be 10 digits with a valid check digit",
                "value=\"31/2/1961\"");
        assertThat(referrals.corrections(referral.id())).isEmpty();
    }

    @Test
    void confirmingTheReviewKeepsTheMachinesValueBesideEachCorrection() throws Exception {
        Referral referral = data.doubtfulReferral(PageTestData.uniqueSender(), queue, referrals);

        MvcResult result = mvc.perform(post("/referrals/" + referral.reference() + "/review").with(SECRETARIAT)
                        .with(csrf())
                        .param("fields[subject.date_of_birth]", "12/5/1961")
                        .param("fields[subject.nhs_number]", "999 000 0018")
                        .param("fields[subject.first_name]", "Robin")
                        .param("fields[subject.gender]", "Female"))
                .andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/referrals/" + referral.reference());
        Referral after = referrals.find(referral.reference()).orElseThrow();
        assertThat(after.form().value("subject.date_of_birth")).contains("1961-05-12");
        assertThat(after.form().value("subject.nhs_number")).contains("9990000018");
        assertThat(after.form().value("subject.gender")).contains("Female");
        assertThat(after.reviewNeeded()).isFalse();
        assertThat(after.form().field("subject.date_of_birth").map(ExtractedField::asWritten)).contains("2/5/61");
        List<FieldCorrection> corrections = referrals.corrections(referral.id());
        assertThat(corrections).extracting(FieldCorrection::key)
                .containsExactlyInAnyOrder("subject.date_of_birth", "subject.nhs_number", "subject.gender");
        assertThat(corrections).filteredOn(c -> c.key().equals("subject.date_of_birth")).singleElement()
                .satisfies(c -> {
                    assertThat(c.machineValue()).isEqualTo("1961-05-02");
                    assertThat(c.machineConfidence()).isEqualTo(0.4);
                    assertThat(c.correctedValue()).isEqualTo("1961-05-12");
                    assertThat(c.changed()).isTrue();
                    assertThat(c.correctedBy()).isEqualTo("sam.secretariat");
                });
        assertThat(corrections).filteredOn(c -> c.key().equals("subject.gender")).singleElement()
                .satisfies(c -> assertThat(c.machineValue()).isNull());
        Quiescence.await(jdbc);
        assertThat(auditRows(referral.reference().toString(), "referral.fields-reviewed")).singleElement()
                .satisfies(row -> assertThat(row.get("DETAIL")).isEqualTo("3 corrected, 0 confirmed"));
    }

    @Test
    void aDoubtfulFieldLeftAsItIsCountsAsConfirmed() throws Exception {
        Referral referral = data.doubtfulReferral(PageTestData.uniqueSender(), queue, referrals);

        mvc.perform(post("/referrals/" + referral.reference() + "/review").with(SECRETARIAT).with(csrf())
                .param("fields[subject.date_of_birth]", "1961-05-02")
                .param("fields[subject.nhs_number]", "9990000018"));

        List<FieldCorrection> corrections = referrals.corrections(referral.id());
        assertThat(corrections).filteredOn(c -> c.key().equals("subject.date_of_birth")).singleElement()
                .satisfies(c -> assertThat(c.changed()).isFalse());
        assertThat(referrals.find(referral.reference()).orElseThrow().reviewNeeded()).isFalse();
    }

    @Test
    void whatWasTypedBeforeTheSessionEndedComesBackToTheSamePersonOnly() throws Exception {
        Referral referral = data.doubtfulReferral(PageTestData.uniqueSender(), queue, referrals);
        String path = "/referrals/" + referral.reference() + "/review";
        MockHttpSession session = new MockHttpSession();
        session.setAttribute("onepanel.draft:" + path, java.util.Map.of(
                "draftOwner", new String[] {"sam.secretariat"},
                "fields[subject.gender]", new String[] {"Typed before the timeout"}));

        String page = html(get(path).session(session).with(SECRETARIAT));
        assertThat(page).contains("We kept what you typed", "Typed before the timeout");
        assertThat(session.getAttribute("onepanel.draft:" + path)).isNull();

        session.setAttribute("onepanel.draft:" + path, java.util.Map.of(
                "draftOwner", new String[] {"someone.else"},
                "fields[subject.gender]", new String[] {"Not for you"}));
        assertThat(html(get(path).session(session).with(SECRETARIAT))).doesNotContain("Not for you");
    }

    @Test
    void theLogFiltersByStatusAndPathwayAndFindsByReference() throws Exception {
        String reference = data.referralFrom(PageTestData.uniqueSender(), "Morgan", "Filterable");

        assertThat(html(get("/referrals").with(SECRETARIAT))).contains(reference, "Morgan Filterable");
        assertThat(html(get("/referrals").param("q", reference).with(SECRETARIAT))).contains(reference)
                .contains("1 referral");
        assertThat(html(get("/referrals").param("status", "CLOSED").with(SECRETARIAT))).doesNotContain(reference);
        assertThat(html(get("/referrals").param("pathway", "ADULTS_SAR").param("from", "1/1/2000")
                .with(SECRETARIAT))).contains(reference);
        MvcResult wrongDate = mvc.perform(get("/referrals").param("from", "32/13/2026").with(SECRETARIAT)).andReturn();
        assertThat(wrongDate.getResponse().getStatus()).isEqualTo(400);
        assertThat(wrongDate.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("There is a problem", "href=\"#from-day\"", "The first day must be a real date");
        // the form's day, month and year boxes: never the browser's own date picker
        assertThat(html(get("/referrals").param("from-day", "1").param("from-month", "1").param("from-year", "2000")
                .with(SECRETARIAT))).contains(reference, "name=\"from-day\"", "inputmode=\"numeric\"").doesNotContain("type=\"date\"");
    }

    @Test
    void aNameSearchNeverPutsTheNameInAnAddress() throws Exception {
        String reference = data.referralFrom(PageTestData.uniqueSender(), "Quinn", "Searchname");
        MockHttpSession session = new MockHttpSession();

        MvcResult posted = mvc.perform(post("/referrals/search").session(session).with(SECRETARIAT).with(csrf())
                .param("q", "searchname").param("status", "")).andReturn();

        String location = posted.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/referrals?search=").doesNotContainIgnoringCase("searchname");
        String page = html(get(location).session(session).with(SECRETARIAT));
        assertThat(page).contains(reference, "1 referral");
        assertThat(page).doesNotContain("href=\"/referrals/export.csv?q=searchname");
    }

    @Test
    void theExportsCarryNoNamesAndNoFormulas() throws Exception {
        String reference = data.referralFrom(PageTestData.uniqueSender(), "Casey", "Exportable");

        MvcResult csv = mvc.perform(get("/referrals/export.csv").param("q", reference).with(SECRETARIAT)).andReturn();
        String text = csv.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(text).contains("Reference,Received,Mailbox,Pathway,Status", reference)
                .doesNotContain("Casey").doesNotContain("Exportable").doesNotContain("9990000018");
        assertThat(LogExport.notAFormula("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(LogExport.notAFormula("-1")).isEqualTo("'-1");

        MvcResult xlsx = mvc.perform(get("/referrals/export.xlsx").param("q", reference).with(SECRETARIAT))
                .andReturn();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Reference");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(reference);
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
        }
        assertThat(auditRows(null, "log.exported")).isNotEmpty();
    }

    @Test
    void theSecretariatChangesThePathwayAndClosesTheReferral() throws Exception {
        String reference = data.referralFrom(PageTestData.uniqueSender(), "Drew", "Pathway");

        MvcResult missing = mvc.perform(post("/referrals/" + reference + "/status").with(SECRETARIAT).with(csrf())
                .param("status", "CLOSED").param("reason", "")).andReturn();
        assertThat(missing.getResponse().getContentAsString()).contains("Enter why the status changes");

        mvc.perform(post("/referrals/" + reference + "/pathway").with(SECRETARIAT).with(csrf())
                .param("pathway", "DOMESTIC_HOMICIDE").param("reason", "police disclosure"));
        mvc.perform(post("/referrals/" + reference + "/status").with(SECRETARIAT).with(csrf())
                .param("status", "CLOSED").param("reason", "withdrawn by the referrer"));

        Referral after = referrals.find(uk.gov.redbridge.onepanel.shared.ReferralReference.parse(reference)).orElseThrow();
        assertThat(after.pathway()).isEqualTo(Pathway.DOMESTIC_HOMICIDE);
        assertThat(after.status()).isEqualTo(ReferralStatus.CLOSED);
        Quiescence.await(jdbc);
        assertThat(auditRows(reference, "referral.pathway-changed")).singleElement()
                .satisfies(row -> assertThat(row.get("ACTOR")).isEqualTo("sam.secretariat"));
        assertThat(auditRows(reference, "case.status-changed")).hasSize(2);
    }

    @Test
    void aDocumentIsServedAsADownloadWithASafeNameAndTheDownloadIsAudited() throws Exception {
        String sender = PageTestData.uniqueSender();
        data.deliver(uk.gov.redbridge.onepanel.testing.TestMail.create().from(sender).to(PageTestData.ONEPANEL)
                .subject("Referral").text(uk.gov.redbridge.onepanel.testing.TestMail.bodyReferral("Jo", "Download",
                        "1/1/1950", "Self-neglect.", "020 7946 0003"))
                .attach("chronology\"<script>.html", "text/html", "<script>alert(1)</script>".getBytes())
                .bytes(), PageTestData.ONEPANEL);
        String reference = jdbc.sql("SELECT reference FROM referral WHERE sender_address = :s").param("s", sender)
                .query(String.class).single();
        Referral referral = referrals.find(uk.gov.redbridge.onepanel.shared.ReferralReference.parse(reference))
                .orElseThrow();
        var document = referrals.documents(referral.id()).get(0);

        MvcResult result = mvc.perform(get("/referrals/" + reference + "/documents/" + document.id())
                .with(SECRETARIAT)).andReturn();

        assertThat(result.getResponse().getContentType()).isEqualTo("application/octet-stream");
        assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment;")
                .doesNotContain("<").doesNotContain("\"<");
        assertThat(result.getResponse().getHeaders("Content-Security-Policy")).anyMatch(h -> h.contains("sandbox"));
        assertThat(auditRows(reference, "document.downloaded")).singleElement()
                .satisfies(row -> assertThat(row.get("DOCUMENT_ID")).isEqualTo(document.id()));
    }

    private String html(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private List<java.util.Map<String, Object>> auditRows(String reference, String action) {
        return jdbc.sql("SELECT * FROM audit_event WHERE action = :a"
                        + (reference == null ? "" : " AND referral_reference = :r"))
                .param("a", action).param("r", reference).query().listOfRows();
    }
}
