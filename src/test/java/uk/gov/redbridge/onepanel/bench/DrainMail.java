package uk.gov.redbridge.onepanel.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import uk.gov.redbridge.onepanel.extraction.fixtures.FormDocuments;
import uk.gov.redbridge.onepanel.extraction.fixtures.FormPdfs;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.DateStyle;
import uk.gov.redbridge.onepanel.extraction.fixtures.SampleReferral.Wording;
import uk.gov.redbridge.onepanel.testing.TestMail;

/**
 * The mail of a drain: referrals in the ways referrers send them (a Word form attached in three layouts, a PDF in
 * three, the form typed into the email or pasted as an HTML table), a damaged attachment, and the mail that is not a
 * referral (a colleague's note, a bulletin with list headers, an out-of-office reply). Every message has its own
 * sender and Message-ID, as in a real mailbox; the people are the fixtures' invented ones. Built from the project's
 * own fixtures, the same for a given seed.
 */
final class DrainMail {

    static final String[] PANEL = {"RedbridgeOnePanel@redbridge.gov.uk", "RSAB@redbridge.gov.uk",
            "RedbridgeSCP@redbridge.gov.uk"};
    /** referrers' domains the service may answer (the acknowledgements go to the benchmark's own SMTP server) */
    private static final String[] DOMAINS = {"nhs.net", "nelft.nhs.uk", "bhrhospitals.nhs.uk", "redbridge.gov.uk"};

    /** A kind of message, how often it comes (in a hundred), and whether it should become a referral. */
    enum Kind {
        DOCX_OFFICIAL(14, true), DOCX_CONTROLS(8, true), DOCX_LEGACY(6, true), PDF_RULED(8, true),
        PDF_LINES(5, true), PDF_FILLABLE(5, true), BODY_TEXT(6, true), BODY_HTML(3, true),
        DOCX_DAMAGED(3, false), NOTE(22, false), BULLETIN(12, false), OUT_OF_OFFICE(8, false);

        final int weight;
        final boolean referral;

        Kind(int weight, boolean referral) {
            this.weight = weight;
            this.referral = referral;
        }
    }

    /** One message: where it goes, what it is, its bytes. */
    record Message(int index, String mailbox, Kind kind, String sender, String messageId, byte[] raw) {
    }

    private DrainMail() {
    }

    static List<Message> plan(int count, long seed) {
        Random random = new Random(seed);
        List<SampleReferral> samples = new ArrayList<>();
        for (int variant = 0; variant < 2; variant++) {
            for (Wording wording : Wording.values()) {
                samples.add(SampleReferral.of(variant, wording, DateStyle.values()[variant % DateStyle.values().length]));
            }
        }
        int total = Arrays.stream(Kind.values()).mapToInt(k -> k.weight).sum();
        List<Message> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int pick = random.nextInt(total);
            Kind kind = null;
            for (Kind k : Kind.values()) {
                pick -= k.weight;
                if (pick < 0) {
                    kind = k;
                    break;
                }
            }
            out.add(message(i, kind, samples.get(random.nextInt(samples.size())), PANEL[i % PANEL.length],
                    DOMAINS[random.nextInt(DOMAINS.length)], seed));
        }
        return out;
    }

    /** A referral typed into the email, for the latency measurement: {@code index} keeps sender and id unique. */
    static Message referral(int index, String mailbox, long seed) {
        return message(index, Kind.BODY_TEXT, SampleReferral.of(index, Wording.OFFICIAL, DateStyle.DMY), mailbox,
                DOMAINS[0], seed);
    }

    private static Message message(int i, Kind kind, SampleReferral sample, String mailbox, String domain, long seed) {
        String sender = String.format("bench.%d.%05d@%s", seed, i, domain);
        String messageId = String.format("<bench-%d-%05d@%s>", seed, i, domain);
        TestMail mail = TestMail.create().from("Bench Sender " + i + " <" + sender + ">").to(mailbox).messageId(messageId);
        String docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        String attached = "Dear One Panel,\n\nPlease find attached our referral.\n\nKind regards\n";
        switch (kind) {
            case DOCX_OFFICIAL -> mail.subject("One Panel referral").text(attached)
                    .attach("Appendix E referral.docx", docx, FormDocuments.officialTables(sample));
            case DOCX_CONTROLS -> mail.subject("Referral to One Panel").text(attached)
                    .attach("Referral form.docx", docx, FormDocuments.contentControls(sample));
            case DOCX_LEGACY -> mail.subject("Referral").text(attached)
                    .attach("One Panel referral form.docx", docx, FormDocuments.legacyFormFields(sample));
            case PDF_RULED -> mail.subject("One Panel referral").text(attached)
                    .attach("Appendix E.pdf", "application/pdf", FormPdfs.ruledTable(sample));
            case PDF_LINES -> mail.subject("Referral for screening").text(attached)
                    .attach("referral.pdf", "application/pdf", FormPdfs.plainLines(sample));
            case PDF_FILLABLE -> mail.subject("One Panel referral").text(attached)
                    .attach("Appendix E (fillable).pdf", "application/pdf", FormPdfs.fillableForm(sample));
            case BODY_TEXT -> mail.subject("One Panel referral").text(sample.asText());
            case BODY_HTML -> mail.subject("One Panel referral").text(sample.asText()).html(html(sample));
            case DOCX_DAMAGED -> {
                byte[] whole = FormDocuments.officialTables(sample);
                mail.subject("One Panel referral").text(attached)
                        .attach("Appendix E referral.docx", docx, Arrays.copyOf(whole, whole.length / 3));
            }
            case NOTE -> mail.subject("Room booking for Tuesday").text("Hi all,\n\nCould we move Tuesday's panel "
                    + "to committee room 3? The projector in room 2 is broken.\n\nThanks\n");
            case BULLETIN -> mail.subject("Safeguarding bulletin").header("Precedence", "bulk")
                    .header("List-Unsubscribe", "<mailto:unsubscribe@" + domain + ">")
                    .text("This month's safeguarding bulletin: training dates and policy updates.\n");
            case OUT_OF_OFFICE -> mail.subject("Automatic reply: out of office").header("Auto-Submitted",
                    "auto-replied").header("X-Auto-Response-Suppress", "All")
                    .text("I am out of the office until Monday with no access to email.\n");
            default -> throw new IllegalArgumentException(kind.name());
        }
        return new Message(i, mailbox, kind, sender, messageId, mail.bytes());
    }

    /** The form as an HTML table, the way Outlook keeps a table pasted into a message. */
    private static String html(SampleReferral sample) {
        StringBuilder html = new StringBuilder("<html><body><p>Dear One Panel,</p><table border=\"1\">");
        for (SampleReferral.Section s : sample.sections()) {
            html.append("<tr><td colspan=\"2\"><b>").append(escape(s.heading())).append("</b></td></tr>");
            for (SampleReferral.Group g : s.groups()) {
                for (SampleReferral.Field f : g.fields()) {
                    if (f.part() == null) {
                        html.append("<tr><td>").append(escape(f.label())).append("</td><td>")
                                .append(escape(f.written())).append("</td></tr>");
                    }
                }
            }
        }
        return html.append("</table><p>Kind regards</p></body></html>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>");
    }
}
