package uk.gov.redbridge.onepanel.referrals.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.gov.redbridge.onepanel.exceptions.ExceptionItem;
import uk.gov.redbridge.onepanel.exceptions.ExceptionsQueue;
import uk.gov.redbridge.onepanel.extraction.FilledForm;
import uk.gov.redbridge.onepanel.extraction.fixtures.FormDocuments;
import uk.gov.redbridge.onepanel.extraction.fixtures.HostileFiles;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.DateStyle;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.Wording;
import uk.gov.redbridge.onepanel.extraction.fixtures.WordDocument;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralDocument;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.referrals.ReferralStatus;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.testing.PageTestData;

/**
 * A document added by hand: through the same bounded reading as mail, refused with its reason on the page, kept once,
 * encrypted, downloadable, audited; a form fills the referral's gaps and never overwrites what it holds.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AddDocumentPagesTests {

    static final RequestPostProcessor SECRETARIAT = user("sam.secretariat").roles("SECRETARIAT");
    static final SampleReferral SAMPLE = SampleReferral.of(0, Wording.OFFICIAL, DateStyle.DMY);
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

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
    @Autowired
    jakarta.servlet.MultipartConfigElement multipart;

    PageTestData data;

    @BeforeEach
    void data() {
        data = new PageTestData(accounts, jdbc);
    }

    @Test
    void aPaperIsKeptEncryptedListedDownloadableAndAudited() throws Exception {
        String reference = data.referralFrom(PageTestData.uniqueSender(), "Alexis", "Paperadded");
        byte[] chronology = new WordDocument().heading("Chronology")
                .paragraph("14 March: home visit by the duty social worker.").bytes();

        MvcResult result = upload(reference, "PAPER", file("C:\\Users\\sam\\Desktop\\chronology.docx", chronology));

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/referrals/" + reference);
        assertThat(result.getFlashMap().get("success")).isEqualTo("documentAdded");
        ReferralDocument document = handAdded(reference).get(0);
        assertThat(document.fileName()).isEqualTo("chronology.docx");
        assertThat(document.role()).isEqualTo("ADDED");
        assertThat(document.addedBy()).isEqualTo("sam.secretariat");
        assertThat(document.messageId()).isNull();

        MvcResult download = mvc.perform(get("/referrals/" + reference + "/documents/" + document.id())
                .with(SECRETARIAT)).andReturn();
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(chronology);
        // kept in the content store (sealed there when a key is configured: see the storage tests), not twice
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral_document WHERE id = :d AND content_id IS NOT NULL")
                .param("d", document.id()).query(Integer.class).single()).isEqualTo(1);

        String page = html(reference);
        assertThat(page).contains("chronology.docx", "Added by hand",
                "added by sam.secretariat", "A paper (Word document) was added by hand");
        assertThat(audit(reference, "document.added")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("ACTOR", "sam.secretariat"));
    }

    @Test
    void theSameFileTwiceIsKeptOnce() throws Exception {
        String reference = data.referralFrom(PageTestData.uniqueSender(), "Alexis", "Twiceadded");
        byte[] letter = new WordDocument().paragraph("Letter from the GP practice.").bytes();

        upload(reference, "PAPER", file("letter.docx", letter));
        MvcResult again = upload(reference, "PAPER", file("letter (1).docx", letter));

        assertThat(again.getResponse().getStatus()).isEqualTo(302);
        assertThat(again.getFlashMap().get("success")).isEqualTo("documentHeld");
        assertThat(handAdded(reference)).hasSize(1);
    }

    @Test
    void aPasswordProtectedFileIsRefusedWithItsReasonAndNothingIsKept() throws Exception {
        String reference = data.referralFrom(PageTestData.uniqueSender(), "Alexis", "Lockedfile");
        long storedBefore = storedContents();
        byte[] locked = HostileFiles.passwordProtected(new WordDocument().paragraph("Agency report.").bytes(), "pw");

        MvcResult result = upload(reference, "PAPER", file("report.docx", locked));

        String page = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(page).contains("<title>Error: ", "There is a problem", "href=\"#file\"",
                "The selected file cannot be added. The Word document is password-protected.",
                "govuk-file-upload--error", "aria-describedby=\"kind-paper-hint\" checked=\"checked\"");
        assertThat(handAdded(reference)).isEmpty();
        assertThat(storedContents()).isEqualTo(storedBefore);
    }

    @Test
    void theEmptyTheUnknownAndTheTooLargeAreRefusedOnThePage() throws Exception {
        String reference = data.referralFrom(PageTestData.uniqueSender(), "Alexis", "Badfiles");

        assertThat(errorPage(reference, "PAPER", file("blank.pdf", new byte[0])))
                .contains("The selected file is empty");
        assertThat(errorPage(reference, "PAPER", file("tool.exe", new byte[] {0x4D, 0x5A, (byte) 0x90, 0, 3, 0, 0, 0})))
                .contains("The selected file cannot be added.", "PDF, Word, OpenDocument, RTF, text and image files");
        byte[] huge = ("x".repeat(1023) + "\n").repeat(26 * 1024).getBytes(StandardCharsets.US_ASCII);
        assertThat(errorPage(reference, "PAPER", file("notes.txt", huge)))
                .contains("The selected file cannot be added. The file is larger than the limit of 25 MB.");
        assertThat(errorPage(reference, "FORM", file("notes.txt",
                "Minutes of the strategy meeting, nothing else.".getBytes(StandardCharsets.UTF_8))))
                .contains("is not a referral form. To keep it, add it as another document.");
        assertThat(handAdded(reference)).isEmpty();
    }

    @Test
    void nothingChosenGivesAnErrorForEachField() throws Exception {
        String reference = data.referralFrom(PageTestData.uniqueSender(), "Alexis", "Nothingchosen");

        MvcResult result = mvc.perform(multipart("/referrals/" + reference + "/add-document").with(SECRETARIAT)
                .with(csrf())).andReturn();

        String page = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("href=\"#kind\"", "Select what the document is", "href=\"#file\"",
                "Select a file", "aria-describedby=\"kind-error\"");
    }

    @Test
    void aFormAddedToAReferralMadeByHandFillsItsFieldsAndCompletesIt() throws Exception {
        // an email without a form (the form came by post): the secretariat makes a referral from it by hand
        ExceptionItem item = data.exceptionFrom(PageTestData.uniqueSender(), queue);
        Referral referral = referrals.createFromMessage(item.messageId(), null, null, null, "sam.secretariat");
        assertThat(referral.status()).isEqualTo(ReferralStatus.NEEDS_INFORMATION);
        String reference = referral.reference().toString();

        MvcResult result = upload(reference, "FORM", file("scanned-form.docx", FormDocuments.officialTables(SAMPLE)));

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat((Integer) result.getFlashMap().get("documentFilled")).isGreaterThan(10);
        Referral after = referrals.find(referral.reference()).orElseThrow();
        assertThat(after.subject().lastName()).isEqualTo(SAMPLE.value("subject.last_name"));
        assertThat(after.form().value("subject.date_of_birth")).contains(SAMPLE.value("subject.date_of_birth"));
        assertThat(after.status()).isEqualTo(ReferralStatus.RECEIVED);
        assertThat(handAdded(reference)).singleElement().satisfies(d -> assertThat(d.role()).isEqualTo("FORM"));
    }

    /**
     * Issue 13, point 2: another person's form (another name, another date of birth) filled 37 blank fields of a
     * referral under a green banner. It is refused now, with what differs side by side, and nothing is kept.
     */
    @Test
    void anotherPersonsFormIsRefusedWithTheDifferencesSideBySideAndNothingIsKept() throws Exception {
        String reference = data.referralFrom(PageTestData.uniqueSender(), "Alexis", "Heldname");
        FilledForm before = referrals.find(ReferralReference.parse(reference)).orElseThrow().form();
        long storedBefore = storedContents();

        MvcResult result = upload(reference, "FORM", file("form.docx", FormDocuments.officialTables(SAMPLE)));

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        String page = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<title>Error: ", "There is a problem", "href=\"#samePerson\"",
                "This form seems to be about another person", "id=\"other-person\"", "Heldname",
                SAMPLE.value("subject.last_name"));
        Referral after = referrals.find(ReferralReference.parse(reference)).orElseThrow();
        assertThat(after.form()).isEqualTo(before);
        assertThat(handAdded(reference)).isEmpty();
        assertThat(storedContents()).isEqualTo(storedBefore);
        assertThat(referrals.openConflicts(after.id())).isEmpty();
    }

    /** Confirmed as the same person: its blanks fill the referral's, and every differing value is shown beside the held. */
    @Test
    void aFormConfirmedAsTheSamePersonNeverOverwritesAndShowsEachDifferenceOnTheReview() throws Exception {
        String reference = data.referralFrom(PageTestData.uniqueSender(), "Alexis", "Heldname");
        FilledForm before = referrals.find(ReferralReference.parse(reference)).orElseThrow().form();

        MvcResult result = mvc.perform(multipart("/referrals/" + reference + "/add-document")
                .file(file("form.docx", FormDocuments.officialTables(SAMPLE))).param("kind", "FORM")
                .param("samePerson", "yes").with(SECRETARIAT).with(csrf())).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat((Integer) result.getFlashMap().get("documentDiffering")).isPositive();
        Referral after = referrals.find(ReferralReference.parse(reference)).orElseThrow();
        assertThat(after.form().value("subject.first_name")).isEqualTo(before.value("subject.first_name"));
        assertThat(after.form().value("subject.last_name")).contains("Heldname");
        assertThat(referrals.openConflicts(after.id())).extracting(c -> c.key()).contains("subject.last_name");
        String review = mvc.perform(get("/referrals/" + reference + "/review").with(SECRETARIAT)).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(review).contains("a form added later gives", "id=\"fields-subject-last_name-conflict\"",
                "The referral holds", "Heldname", "the form added by hand (form.docx)",
                SAMPLE.value("subject.last_name"));
        String timeline = html(reference);
        assertThat(timeline).contains("confirmed by sam.secretariat as about the same person", "Last name")
                .doesNotContain("subject.last_name");
    }

    @Test
    void onlyTheSecretariatMayAddADocument() throws Exception {
        String reference = data.referralFrom(PageTestData.uniqueSender(), "Alexis", "Readonly");
        RequestPostProcessor reader = user("rory.reader").roles("READONLY");

        assertThat(mvc.perform(get("/referrals/" + reference + "/add-document").with(reader)).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(multipart("/referrals/" + reference + "/add-document").file(file("a.txt",
                        "text".getBytes(StandardCharsets.UTF_8))).param("kind", "PAPER").with(reader).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(html(reference)).contains("Add a document");
        String readOnlyPage = mvc.perform(get("/referrals/" + reference).with(reader)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(readOnlyPage).doesNotContain("id=\"add-document\"");
        assertThat(handAdded(reference)).isEmpty();
    }

    @Test
    void anUploadStaysInMemoryAndIsNeverWrittenToAPlainTemporaryFile() {
        // parts under the threshold are held in memory by the servlet container; every accepted upload is under it
        assertThat(multipart.getFileSizeThreshold()).isGreaterThan((int) multipart.getMaxFileSize());
        assertThat(multipart.getMaxFileSize()).isGreaterThan(referrals.maxDocumentBytes());
    }

    private MvcResult upload(String reference, String kind, MockMultipartFile file) throws Exception {
        return mvc.perform(multipart("/referrals/" + reference + "/add-document").file(file).param("kind", kind)
                .with(SECRETARIAT).with(csrf())).andReturn();
    }

    private String errorPage(String reference, String kind, MockMultipartFile file) throws Exception {
        MvcResult result = upload(reference, kind, file);
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static MockMultipartFile file(String name, byte[] bytes) {
        return new MockMultipartFile("file", name, name.endsWith(".docx") ? DOCX : "application/octet-stream", bytes);
    }

    private String html(String reference) throws Exception {
        return mvc.perform(get("/referrals/" + reference).with(SECRETARIAT)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private List<ReferralDocument> handAdded(String reference) {
        Referral referral = referrals.find(ReferralReference.parse(reference)).orElseThrow();
        return referrals.documents(referral.id()).stream().filter(ReferralDocument::addedByHand).toList();
    }

    private long storedContents() {
        return jdbc.sql("SELECT COUNT(*) FROM stored_content").query(Long.class).single();
    }

    private List<Map<String, Object>> audit(String reference, String action) {
        return jdbc.sql("SELECT * FROM audit_event WHERE action = :a AND referral_reference = :r")
                .param("a", action).param("r", reference).query().listOfRows();
    }
}
