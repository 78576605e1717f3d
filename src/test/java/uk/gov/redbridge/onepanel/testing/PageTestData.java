package uk.gov.redbridge.onepanel.testing;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.redbridge.onepanel.exceptions.ExceptionItem;
import uk.gov.redbridge.onepanel.exceptions.ExceptionsQueue;
import uk.gov.redbridge.onepanel.extraction.ExtractedField;
import uk.gov.redbridge.onepanel.extraction.FilledForm;
import uk.gov.redbridge.onepanel.extraction.Provenance;
import uk.gov.redbridge.onepanel.mailbox.EmbeddedMailServer;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.referrals.Referral;
import uk.gov.redbridge.onepanel.referrals.ReferralLog;

/**
 * Realistic data in front of the pages: mail delivered to the embedded server and taken in as the service takes
 * it, and referrals made through the facades where a test needs fields read with doubt. Fictional people only.
 */
public final class PageTestData {

    public static final String ONEPANEL = "RedbridgeOnePanel@redbridge.gov.uk";

    private final MailAccounts accounts;
    private final JdbcClient jdbc;
    private final MailServerClient mail;

    public PageTestData(MailAccounts accounts, JdbcClient jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        EmbeddedMailServer server = accounts.embeddedServer().orElseThrow();
        this.mail = new MailServerClient(server.host(), server.smtpPort(), server.imapPort());
    }

    public static String uniqueSender() {
        return "referrer." + UUID.randomUUID().toString().substring(0, 8) + "@nhs-trust.example";
    }

    public void deliver(byte[] raw, String... to) {
        mail.deliver(raw, to);
        accounts.pollNow();
        Quiescence.await(jdbc);
    }

    /** A body-only referral email, taken in: a referral. */
    public String referralFrom(String sender, String firstName, String lastName) {
        deliver(TestMail.create().from(sender).to(ONEPANEL).subject("One Panel referral")
                .text(TestMail.bodyReferral(firstName, lastName, "02/05/1961",
                        "Found at home after a long period of self-neglect.", "020 7946 0001")).bytes(), ONEPANEL);
        return jdbc.sql("SELECT reference FROM referral WHERE sender_address = :s").param("s", sender)
                .query(String.class).single();
    }

    /** An email with no form in it, taken in: an exception (no_form_found). */
    public ExceptionItem exceptionFrom(String sender, ExceptionsQueue queue) {
        deliver(TestMail.create().from(sender).to(ONEPANEL).subject("Question about the panel")
                .text("Could you tell me when the next panel meets?").bytes(), ONEPANEL);
        String messageId = jdbc.sql("SELECT id FROM inbound_message WHERE sender LIKE :s")
                .param("s", "%" + sender + "%").query(String.class).single();
        return queue.open(10_000).stream().filter(e -> e.messageId() != null
                && e.messageId().toString().equals(messageId)).findFirst().orElseThrow();
    }

    /**
     * A referral whose form was read with doubt: made by hand from an exception's email, with a form as extraction
     * would give it (a date of birth read at 40%, an NHS number failing its check).
     */
    public Referral doubtfulReferral(String sender, ExceptionsQueue queue, ReferralLog referrals) {
        ExceptionItem item = exceptionFrom(sender, queue);
        Provenance table = new Provenance("referral.docx", null, "table 2, row 3, cell 2", "D.O.B.");
        FilledForm form = new FilledForm("appendix-e-v1", List.of(
                field("subject.first_name", "Robin", 0.95, null),
                field("subject.last_name", "Testcase", 0.95, null),
                new ExtractedField("subject.date_of_birth", "1961-05-02", "2/5/61", 0.4, table, List.of()),
                new ExtractedField("subject.nhs_number", "9990000019", "999 000 0019", 0.9,
                        new Provenance("referral.docx", null, "table 2, row 4, cell 2", "NHS number"),
                        List.of("NHS number fails the Modulus 11 check")),
                field("referral.reason", "Found at home after a fall; concerns about care.", 0.9, null),
                field("referrer.email", "pat.example@nhs.net", 0.95, null),
                field("persons.0.role", "next_of_kin", 1.0, null),
                field("persons.0.name", "Sam Testcase", 0.9, null)));
        Referral referral = referrals.createFromMessage(item.messageId(), form, "referral.docx", null, "secretariat");
        queue.resolve(item.id(), "referral_created", "secretariat", "test", referral.reference().toString());
        Quiescence.await(jdbc);
        return referral;
    }

    private static ExtractedField field(String key, String value, double confidence, String label) {
        return new ExtractedField(key, value, value, confidence,
                new Provenance("referral.docx", null, "paragraph", label == null
                        ? uk.gov.redbridge.onepanel.shared.words.PlainWords.of("field",
                                key.replaceFirst("^persons\\.\\d+\\.", "persons."))
                        : label), List.of());
    }
}
