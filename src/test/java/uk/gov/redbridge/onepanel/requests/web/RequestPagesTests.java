package uk.gov.redbridge.onepanel.requests.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;

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

import uk.gov.redbridge.onepanel.extraction.fixtures.HostileFiles;
import uk.gov.redbridge.onepanel.extraction.fixtures.WordDocument;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.requests.InformationRequest;
import uk.gov.redbridge.onepanel.requests.InformationRequests;
import uk.gov.redbridge.onepanel.requests.RequestStatus;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.testing.PageTestData;
import uk.gov.redbridge.onepanel.testing.Quiescence;

/** The case page's information requests and their actions, on requests the service drafted for a new referral. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RequestPagesTests {

    static final RequestPostProcessor SECRETARIAT = user("jo.secretariat").roles("SECRETARIAT");

    @Autowired
    MockMvc mvc;
    @Autowired
    MailAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    InformationRequests requests;

    @Test
    void theSecretariatSendsRemovesAddsAndRecordsNotKnownFromTheCasePage() throws Exception {
        String reference = new PageTestData(accounts, jdbc).referralFrom(PageTestData.uniqueSender(), "Rene",
                "Requests");
        ReferralReference ref = ReferralReference.parse(reference);
        List<InformationRequest> drafted = requests.forReferral(ref);
        assertThat(drafted).isNotEmpty().allSatisfy(r -> assertThat(r.status()).isEqualTo(RequestStatus.DRAFT));
        String removed = drafted.get(0).agencyCode();
        String notKnown = drafted.get(1).agencyCode();

        String page = html("/referrals/" + reference);
        assertThat(page).contains("Information requests", "Not sent yet", "Send the requests now");

        mvc.perform(post("/referrals/" + reference + "/requests/" + removed + "/remove").with(SECRETARIAT).with(csrf()));
        MvcResult sent = mvc.perform(post("/referrals/" + reference + "/requests/send").with(SECRETARIAT).with(csrf()))
                .andReturn();
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/referrals/" + reference);
        Quiescence.await(jdbc);
        mvc.perform(post("/referrals/" + reference + "/requests/" + notKnown + "/not-known").with(SECRETARIAT)
                .with(csrf()));

        assertThat(requests.find(ref, removed).orElseThrow().status()).isEqualTo(RequestStatus.CANCELLED);
        assertThat(requests.find(ref, notKnown).orElseThrow().status()).isEqualTo(RequestStatus.NOT_KNOWN);
        assertThat(requests.forReferral(ref)).filteredOn(r -> !r.agencyCode().equals(removed)
                && !r.agencyCode().equals(notKnown)).allSatisfy(r -> assertThat(r.status()).isEqualTo(RequestStatus.SENT));
        String after = html("/referrals/" + reference);
        assertThat(after).contains("The agency does not know the person", "Cancelled", "Sent");

        MvcResult missing = mvc.perform(post("/referrals/" + reference + "/requests/add").with(SECRETARIAT)
                .with(csrf()).param("agency", "")).andReturn();
        assertThat(missing.getFlashMap().get("pageError")).isNotNull();
        MvcResult withError = mvc.perform(get("/referrals/" + reference).with(SECRETARIAT)
                .flashAttrs(missing.getFlashMap())).andReturn();
        assertThat(withError.getResponse().getContentAsString()).contains("<title>Error: ", "There is a problem",
                "href=\"#add-agency\"", "Select the agency to add");

        mvc.perform(post("/referrals/" + reference + "/requests/add").with(SECRETARIAT).with(csrf())
                .param("agency", removed));
        assertThat(requests.find(ref, removed).orElseThrow().status()).isNotEqualTo(RequestStatus.CANCELLED);
        Quiescence.await(jdbc);
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE referral_reference = :r AND action LIKE 'requests.%'")
                .param("r", reference).query(String.class).list())
                .contains("requests.agency-removed", "requests.sent-now", "requests.not-known", "requests.agency-added");
        assertThat(mvc.perform(get("/referrals/" + reference + "/requests/" + notKnown + "/documents/"
                + java.util.UUID.randomUUID()).with(SECRETARIAT)).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void aReturnReceivedAnotherWayIsAddedFromTheCasePageAndRefusedWithItsReason() throws Exception {
        String reference = new PageTestData(accounts, jdbc).referralFrom(PageTestData.uniqueSender(), "Rene",
                "Handreturn");
        ReferralReference ref = ReferralReference.parse(reference);
        List<InformationRequest> drafted = requests.forReferral(ref);
        String agency = drafted.get(0).agencyCode();
        String cancelled = drafted.get(1).agencyCode();
        mvc.perform(post("/referrals/" + reference + "/requests/send").with(SECRETARIAT).with(csrf()));
        Quiescence.await(jdbc);
        mvc.perform(post("/referrals/" + reference + "/requests/" + cancelled + "/remove").with(SECRETARIAT)
                .with(csrf()));
        String path = "/referrals/" + reference + "/requests/" + agency + "/add-return";
        assertThat(html("/referrals/" + reference)).contains("href=\"" + path + "\"", "Add a return received another way");
        assertThat(html(path)).contains("return for " + reference, "Upload a file", "enctype=\"multipart/form-data\"");

        MvcResult none = mvc.perform(multipart(path).with(SECRETARIAT).with(csrf())).andReturn();
        assertThat(none.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("<title>Error: ",
                "href=\"#file\"", "Select a file");
        byte[] locked = HostileFiles.passwordProtected(new WordDocument().paragraph("Our return.").bytes(), "pw");
        MvcResult refused = mvc.perform(multipart(path).file(file("return.docx", locked)).with(SECRETARIAT)
                .with(csrf())).andReturn();
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("The selected file cannot be added. The Word document is password-protected.");
        assertThat(requests.find(ref, agency).orElseThrow().status()).isNotEqualTo(RequestStatus.RETURNED);

        byte[] answer = new WordDocument().paragraph("Known to the service since 2024; two contacts.").bytes();
        MvcResult added = mvc.perform(multipart(path).file(file("C:\\portal\\return.docx", answer))
                .with(SECRETARIAT).with(csrf())).andReturn();
        assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/referrals/" + reference + "#requests");
        assertThat(added.getFlashMap().get("success")).isEqualTo("returnAdded");
        assertThat(requests.find(ref, agency).orElseThrow().status()).isEqualTo(RequestStatus.RETURNED);
        MvcResult again = mvc.perform(multipart(path).file(file("return.docx", answer)).with(SECRETARIAT)
                .with(csrf())).andReturn();
        assertThat(again.getFlashMap().get("success")).isEqualTo("returnHeld");
        assertThat(html("/referrals/" + reference)).contains("return.docx", "(added by jo.secretariat)",
                "Add a further document");

        String cancelledPath = "/referrals/" + reference + "/requests/" + cancelled + "/add-return";
        MvcResult toCancelled = mvc.perform(multipart(cancelledPath).file(file("late.docx", answer))
                .with(SECRETARIAT).with(csrf())).andReturn();
        assertThat(toCancelled.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("was cancelled, so it takes no return. Add the file to the referral&#39;s documents");
        RequestPostProcessor reader = user("rory.reader").roles("READONLY");
        assertThat(mvc.perform(get(path).with(reader)).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/referrals/" + reference + "/requests/NOPE/add-return").with(SECRETARIAT))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        Quiescence.await(jdbc);
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE referral_reference = :r AND action LIKE 'requests.%'")
                .param("r", reference).query(String.class).list())
                .contains("requests.add-return-opened", "requests.return-added");
    }

    private static MockMultipartFile file(String name, byte[] bytes) {
        return new MockMultipartFile("file", name,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", bytes);
    }

    private String html(String path) throws Exception {
        MvcResult result = mvc.perform(get(path).with(SECRETARIAT)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
