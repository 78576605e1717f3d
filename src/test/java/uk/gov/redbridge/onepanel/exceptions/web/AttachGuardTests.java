package uk.gov.redbridge.onepanel.exceptions.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

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
import uk.gov.redbridge.onepanel.referrals.MessageNamesAnotherReferral;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;
import uk.gov.redbridge.onepanel.requests.InformationRequests;
import uk.gov.redbridge.onepanel.requests.RequestNeverSent;
import uk.gov.redbridge.onepanel.requests.RequestStatus;
import uk.gov.redbridge.onepanel.shared.ReferralReference;
import uk.gov.redbridge.onepanel.testing.PageTestData;
import uk.gov.redbridge.onepanel.testing.Quiescence;
import uk.gov.redbridge.onepanel.testing.TestMail;

/**
 * Issue 13, point 1: a reply for one referral (A) was attached to another (B) by a mistyped reference, as the reply
 * of an agency whose request on B was a draft never sent; it was accepted silently and stored as a return on the
 * draft, and the queue and A's audit said A. Now: the page starts from the referral the email names and offers only
 * agencies whose request was sent; the service refuses a request never sent, and an email that names another
 * referral unless a person confirms it; the resolution, the audit and the timeline are the chosen referral's; and
 * the secretariat can undo it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AttachGuardTests {

    static final RequestPostProcessor SECRETARIAT = user("ali.secretariat").roles("SECRETARIAT");
    static final String AGENCY = "NEL-ICS";

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
    InformationRequests requests;

    @Test
    void aReplyForOneReferralNeverReachesAnotherWithoutAPersonSayingSoAndItCanBeUndone() throws Exception {
        PageTestData data = new PageTestData(accounts, jdbc);
        ReferralReference a = ReferralReference.parse(data.referralFrom(PageTestData.uniqueSender(), "Ada", "Named"));
        ReferralReference b = ReferralReference.parse(data.referralFrom(PageTestData.uniqueSender(), "Bo", "Mistyped"));
        requests.sendNow(a, "ali.secretariat");
        Quiescence.await(jdbc);
        assertThat(requests.find(a, AGENCY).orElseThrow().status()).isEqualTo(RequestStatus.SENT);
        assertThat(requests.find(b, AGENCY).orElseThrow().status()).isEqualTo(RequestStatus.DRAFT);
        ExceptionItem item = heldReply(data, a);
        assertThat(item.referralReference()).isEqualTo(a.toString());

        // the page starts from the referral the email names, and offers the agencies asked on it (sent) only
        String page = html(get("/exceptions/" + item.id()));
        assertThat(page).contains("value=\"" + a + "\"", "The email names " + a, "value=\"" + AGENCY + "\"");

        // B's request of this agency was never sent: no reply can be its answer (the page, and the service)
        String refused = html(post("/exceptions/" + item.id() + "/attach").param("reference", b.toString())
                .param("agency", AGENCY));
        assertThat(refused).contains("<title>Error: ", "href=\"#agency\"",
                "That agency was not sent an information request on this referral");
        assertThatThrownBy(() -> requests.attachReply(b, AGENCY, item.messageId(), "ali.secretariat"))
                .isInstanceOf(RequestNeverSent.class);
        assertThat(requests.find(b, AGENCY).orElseThrow().status()).isEqualTo(RequestStatus.DRAFT);
        assertThat(requests.replies(requests.find(b, AGENCY).orElseThrow().id())).isEmpty();

        // the email names A: attaching it to B needs a person to say it belongs there (the page, and the service)
        String warned = html(post("/exceptions/" + item.id() + "/attach").param("reference", b.toString()));
        assertThat(warned).contains("<title>Error: ", "href=\"#otherReferralConfirmed\"",
                "This email names " + a + ", not " + b);
        assertThatThrownBy(() -> referrals.attachMessage(b, item.messageId(), "ali.secretariat"))
                .isInstanceOf(MessageNamesAnotherReferral.class);
        assertThat(linked(b, item)).isFalse();
        assertThat(queue.find(item.id()).orElseThrow().status()).isEqualTo(ExceptionStatus.OPEN);

        // confirmed: it goes to B, and the queue, the audit and the timeline say B
        MvcResult attached = mvc.perform(post("/exceptions/" + item.id() + "/attach").with(SECRETARIAT).with(csrf())
                .param("reference", b.toString()).param("otherReferralConfirmed", "true")).andReturn();
        assertThat(attached.getResponse().getRedirectedUrl()).isEqualTo("/referrals/" + b);
        assertThat(linked(b, item)).isTrue();
        ExceptionItem resolved = queue.find(item.id()).orElseThrow();
        assertThat(resolved.referralReference()).isEqualTo(b.toString());
        assertThat(resolved.namedReference()).isEqualTo(a.toString());
        Quiescence.await(jdbc);
        assertThat(html(get("/exceptions").param("show", "resolved"))).contains("/referrals/" + b);
        assertThat(html(get("/referrals/" + b + "/audit"))).contains("Attached an email", "Exception resolved");
        assertThat(html(get("/referrals/" + a + "/audit"))).doesNotContain("Attached an email");
        assertThat(html(get("/referrals/" + b))).contains("was attached to the referral");

        // undone: off B again, back in the queue with A
        assertThat(html(get("/exceptions/" + item.id()))).contains("Undo: take the email off " + b);
        assertThat(html(get("/exceptions/" + item.id() + "/undo"))).contains("Take the email off " + b + "?");
        MvcResult undone = mvc.perform(post("/exceptions/" + item.id() + "/undo").with(SECRETARIAT).with(csrf()))
                .andReturn();
        assertThat(undone.getResponse().getRedirectedUrl()).isEqualTo("/exceptions/" + item.id());
        assertThat(linked(b, item)).isFalse();
        ExceptionItem reopened = queue.find(item.id()).orElseThrow();
        assertThat(reopened.status()).isEqualTo(ExceptionStatus.OPEN);
        assertThat(reopened.referralReference()).isEqualTo(a.toString());
        Quiescence.await(jdbc);
        assertThat(html(get("/referrals/" + b))).contains("attached by hand was taken off the referral again");
        assertThat(html(get("/referrals/" + b + "/audit"))).contains("Took an attached email off again",
                "Exception opened again");

        // as A's agency's reply, then undone: the request goes back to where it was
        mvc.perform(post("/exceptions/" + item.id() + "/attach").with(SECRETARIAT).with(csrf())
                .param("reference", a.toString()).param("agency", AGENCY));
        assertThat(requests.find(a, AGENCY).orElseThrow().status()).isEqualTo(RequestStatus.RETURNED);
        mvc.perform(post("/exceptions/" + item.id() + "/undo").with(SECRETARIAT).with(csrf()));
        assertThat(requests.find(a, AGENCY).orElseThrow().status()).isEqualTo(RequestStatus.SENT);
        assertThat(requests.documents(requests.find(a, AGENCY).orElseThrow().id())).isEmpty();
        assertThat(queue.find(item.id()).orElseThrow().status()).isEqualTo(ExceptionStatus.OPEN);
    }

    @Test
    void onlyTheSecretariatMayUndoAnAttachment() throws Exception {
        RequestPostProcessor chair = user("cam.chair").roles("CHAIR");
        String id = java.util.UUID.randomUUID().toString();
        assertThat(mvc.perform(get("/exceptions/" + id + "/undo").with(chair)).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(post("/exceptions/" + id + "/undo").with(chair).with(csrf())).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }

    /** A reply to A's request from a domain the directory does not know: held for the secretariat, naming A. */
    private ExceptionItem heldReply(PageTestData data, ReferralReference a) {
        String sender = "named.nurse@unlisted-trust.example";
        data.deliver(TestMail.create().from(sender).to(PageTestData.ONEPANEL)
                .subject("RE: [" + a + "/" + AGENCY + "] Screening request for information")
                .text("Our return: known to the service since 2024.")
                .attach("return.txt", "text/plain", "Chronology follows.".getBytes(StandardCharsets.UTF_8)).bytes(),
                PageTestData.ONEPANEL);
        String messageId = jdbc.sql("SELECT id FROM inbound_message WHERE sender LIKE :s ORDER BY received_at DESC")
                .param("s", "%" + sender + "%").query(String.class).list().get(0);
        return queue.open(10_000).stream().filter(e -> e.messageId() != null
                && e.messageId().toString().equals(messageId)).findFirst().orElseThrow();
    }

    private boolean linked(ReferralReference reference, ExceptionItem item) {
        Referral referral = referrals.find(reference).orElseThrow();
        return referrals.messages(referral.id()).stream().anyMatch(m -> m.messageId().equals(item.messageId()));
    }

    private String html(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        MvcResult result = mvc.perform(request.with(SECRETARIAT).with(csrf())).andReturn();
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
