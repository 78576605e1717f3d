package uk.gov.redbridge.onepanel.exceptions.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.gov.redbridge.onepanel.exceptions.ExceptionItem;
import uk.gov.redbridge.onepanel.exceptions.ExceptionStatus;
import uk.gov.redbridge.onepanel.exceptions.ExceptionsQueue;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.shared.Pathway;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.testing.PageTestData;
import uk.gov.redbridge.onepanel.testing.Quiescence;
import uk.gov.redbridge.onepanel.testing.TestMail;

/** The exceptions queue's pages, and each way of resolving an item, against mail taken in as the service takes it. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ExceptionPagesTests {

    static final RequestPostProcessor SECRETARIAT = user("alex.secretariat").roles("SECRETARIAT");

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
    void theListCountsByReasonOldestFirst() throws Exception {
        ExceptionItem first = data.exceptionFrom(PageTestData.uniqueSender(), queue);
        ExceptionItem second = data.exceptionFrom(PageTestData.uniqueSender(), queue);

        String page = html(get("/exceptions").with(SECRETARIAT));

        assertThat(page).contains("No referral form found in the email", "waiting");
        assertThat(page.indexOf(first.id().toString())).isLessThan(page.indexOf(second.id().toString()));
    }

    @Test
    void anItemShowsTheOriginalEmailAsTextNeverAsHtml() throws Exception {
        String sender = PageTestData.uniqueSender();
        data.deliver(TestMail.create().from(sender).to(PageTestData.ONEPANEL).subject("Question")
                .text("Is <b>this</b> a referral?").html("<p onclick=\"x()\">Is <b>this</b> a referral?</p>")
                .attach("notes.txt", "text/plain", "some notes".getBytes(StandardCharsets.UTF_8)).bytes(),
                PageTestData.ONEPANEL);
        ExceptionItem item = itemFor(sender);

        String page = html(get("/exceptions/" + item.id()).with(SECRETARIAT));

        assertThat(page).contains("Is &lt;b&gt;this&lt;/b&gt; a referral?", "notes.txt", sender)
                .doesNotContain("onclick").doesNotContain("<b>this</b>");
        MvcResult download = mvc.perform(get("/exceptions/" + item.id() + "/attachments/1").with(SECRETARIAT))
                .andReturn();
        assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment;")
                .contains("notes.txt");
        assertThat(download.getResponse().getContentAsString()).isEqualTo("some notes");
        assertThat(mvc.perform(get("/exceptions/" + item.id() + "/attachments/9").with(SECRETARIAT)).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void creatingAReferralFromAnItemResolvesItAndOpensTheFieldReview() throws Exception {
        ExceptionItem item = data.exceptionFrom(PageTestData.uniqueSender(), queue);

        MvcResult result = mvc.perform(post("/exceptions/" + item.id() + "/create-referral").with(SECRETARIAT)
                .with(csrf()).param("pathway", "CHILDREN_CSPR")).andReturn();

        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).matches("/referrals/OP-\\d{4}-\\d{4}/review");
        String reference = location.split("/")[2];
        Referral referral = referrals.find(ReferralReference.parse(reference)).orElseThrow();
        assertThat(referral.pathway()).isEqualTo(Pathway.CHILDREN_CSPR);
        assertThat(referral.createdBy()).isEqualTo("alex.secretariat");
        ExceptionItem resolved = queue.find(item.id()).orElseThrow();
        assertThat(resolved.status()).isEqualTo(ExceptionStatus.RESOLVED);
        assertThat(resolved.resolution()).isEqualTo("referral_created");
        assertThat(resolved.resolvedBy()).isEqualTo("alex.secretariat");
        assertThat(resolved.resolvedAt()).isNotNull();
        assertThat(resolved.referralReference()).isEqualTo(reference);
        Quiescence.await(jdbc);
        assertThat(html(get("/referrals/" + reference + "/audit").with(SECRETARIAT)))
                .contains("Created the referral from an exception", "Exception resolved", "Referral logged");
    }

    @Test
    void attachingNeedsAReferenceTheServiceKnows() throws Exception {
        ExceptionItem item = data.exceptionFrom(PageTestData.uniqueSender(), queue);
        String reference = data.referralFrom(PageTestData.uniqueSender(), "Kit", "Attachable");

        String empty = mvc.perform(post("/exceptions/" + item.id() + "/attach").with(SECRETARIAT).with(csrf())
                .param("reference", "")).andReturn().getResponse().getContentAsString();
        assertThat(empty).contains("<title>Error: ", "There is a problem", "href=\"#reference\"",
                "Enter the reference of the referral");
        String unknown = mvc.perform(post("/exceptions/" + item.id() + "/attach").with(SECRETARIAT).with(csrf())
                .param("reference", "OP-2026-9999")).andReturn().getResponse().getContentAsString();
        assertThat(unknown).contains("There is no referral with this reference");

        MvcResult done = mvc.perform(post("/exceptions/" + item.id() + "/attach").with(SECRETARIAT).with(csrf())
                .param("reference", reference.toLowerCase())).andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/referrals/" + reference);
        Referral referral = referrals.find(ReferralReference.parse(reference)).orElseThrow();
        assertThat(referrals.messages(referral.id())).extracting(m -> m.messageId()).contains(item.messageId());
        assertThat(queue.find(item.id()).orElseThrow().resolution()).isEqualTo("attached");
    }

    @Test
    void closingNeedsAReasonAndANote() throws Exception {
        ExceptionItem item = data.exceptionFrom(PageTestData.uniqueSender(), queue);

        String page = mvc.perform(post("/exceptions/" + item.id() + "/close").with(SECRETARIAT).with(csrf())
                .param("note", " ")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Select why you are closing the exception", "Enter a note saying what you found",
                "href=\"#resolution\"", "href=\"#note\"");
        assertThat(queue.find(item.id()).orElseThrow().status()).isEqualTo(ExceptionStatus.OPEN);

        mvc.perform(post("/exceptions/" + item.id() + "/close").with(SECRETARIAT).with(csrf())
                .param("resolution", "not_a_referral").param("note", "A question about meeting dates."));
        ExceptionItem closed = queue.find(item.id()).orElseThrow();
        assertThat(closed.resolution()).isEqualTo("not_a_referral");
        assertThat(closed.resolutionNote()).isEqualTo("A question about meeting dates.");
        assertThat(mvc.perform(post("/exceptions/" + item.id() + "/close").with(SECRETARIAT).with(csrf())
                .param("resolution", "handled").param("note", "again")).andReturn().getResponse().getStatus())
                .isEqualTo(409);
    }

    @Test
    void readingAnEmailAgainThatStillHasNoFormSaysWhyAndRaisesNothingTwice() throws Exception {
        ExceptionItem item = data.exceptionFrom(PageTestData.uniqueSender(), queue);

        MvcResult result = mvc.perform(post("/exceptions/" + item.id() + "/retry").with(SECRETARIAT).with(csrf()))
                .andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/exceptions/" + item.id());
        assertThat(result.getFlashMap().get("retryFailed")).isEqualTo("no_form_found");
        Quiescence.await(jdbc);
        assertThat(queue.forMessage(item.messageId())).hasSize(1);
        assertThat(queue.find(item.id()).orElseThrow().status()).isEqualTo(ExceptionStatus.OPEN);
        assertThat(jdbc.sql("SELECT outcome FROM intake_outcome WHERE message_id = :m")
                .param("m", item.messageId().value()).query(String.class).list()).containsExactly("EXCEPTION");
    }

    @Test
    void readingAgainAMessageThatAlreadyHasAReferralMakesNoSecond() {
        String sender = PageTestData.uniqueSender();
        String reference = data.referralFrom(sender, "Ash", "Once");
        var messageId = uk.gov.redbridge.onepanel.mailbox.InboundMessageId.of(jdbc
                .sql("SELECT id FROM inbound_message WHERE sender LIKE :s").param("s", "%" + sender + "%")
                .query(String.class).single());

        var outcome = referrals.retryIntake(messageId, "alex.secretariat");

        assertThat(outcome.referral()).contains(ReferralReference.parse(reference));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral WHERE sender_address = :s").param("s", sender)
                .query(Integer.class).single()).isEqualTo(1);
    }

    private ExceptionItem itemFor(String sender) {
        String messageId = jdbc.sql("SELECT id FROM inbound_message WHERE sender LIKE :s")
                .param("s", "%" + sender + "%").query(String.class).single();
        List<ExceptionItem> items = queue.open(10_000);
        return items.stream().filter(e -> e.messageId() != null && e.messageId().toString().equals(messageId))
                .findFirst().orElseThrow();
    }

    private String html(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

}
