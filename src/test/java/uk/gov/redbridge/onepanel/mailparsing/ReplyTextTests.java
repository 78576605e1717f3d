package uk.gov.redbridge.onepanel.mailparsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import uk.gov.redbridge.onepanel.mailparsing.parser.MailParser;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy;
import uk.gov.redbridge.onepanel.testing.TestMail;

class ReplyTextTests {

    private static final List<String> PHRASES = List.of("not known to", "no record of", "no involvement");

    private static final String ORIGINAL = """
            Dear colleague,

            The Redbridge Safeguarding Adults Board has received a referral. Please tell us about your service's
            involvement. If your service has never worked with this person, reply to say so.
            Reference: OP-2026-0007""";

    @Test
    void topPostedOutlookReplyKeepsOnlyTheNewWords() {
        String body = "Please find our return attached.\n\nKind regards\nA. Named Nurse\n\n"
                + "-----Original Message-----\nFrom: RSAB <RSAB@redbridge.gov.uk>\nSent: 04 March 2026 09:00\n"
                + "Subject: [OP-2026-0007/NELFT] Screening request\n\n" + ORIGINAL + "\nNot known to anyone here";
        assertThat(ReplyText.withoutQuotes(body)).isEqualTo("Please find our return attached.\n\nKind regards\nA. Named Nurse");
    }

    @Test
    void outlookReplyWithoutTheOriginalMessageLineIsCutAtItsHeaderBlock() {
        String body = "We have no involvement with this person.\n\n________________________________\n"
                + "From: RSAB <RSAB@redbridge.gov.uk>\nSent: Wednesday, March 4, 2026 9:00 AM\nTo: Safeguarding\n\n"
                + ORIGINAL;
        String text = ReplyText.withoutQuotes(body);
        assertThat(text).isEqualTo("We have no involvement with this person.");
        assertThat(ReplyText.findPhrase(text, PHRASES)).contains("no involvement");
    }

    @Test
    void bottomPostedReplyDropsTheQuotedLinesAndKeepsTheAnswerBelowThem() {
        String body = "On Wed, 4 Mar 2026 at 09:00, RSAB <RSAB@redbridge.gov.uk> wrote:\n"
                + ORIGINAL.lines().map(l -> "> " + l).reduce((a, b) -> a + "\n" + b).orElseThrow()
                + "\n\nThis person is NOT known  to our service.\nRegards";
        String text = ReplyText.withoutQuotes(body);
        assertThat(text).isEqualTo("This person is NOT known  to our service.\nRegards");
        assertThat(ReplyText.findPhrase(text, PHRASES)).contains("not known to");
    }

    @Test
    void aQuotedOriginalNeverReadsAsNotKnown() {
        String quoted = "Thanks, chronology to follow.\n\n> Reference: OP-2026-0007\n> We have no record of the person";
        assertThat(ReplyText.findPhrase(ReplyText.withoutQuotes(quoted), PHRASES)).isEmpty();
    }

    @Test
    void htmlReplyDropsBlockquotesAndOutlooksQuotedOriginal() {
        String html = """
                <html><body><div>No record of this person on our systems.</div>
                <div id="appendonsend"></div><hr>
                <div id="divRplyFwdMsg"><b>From:</b> RSAB</div>
                <div>not known to … (quoted original)</div>
                <blockquote>no involvement (quoted)</blockquote>
                </body></html>""";
        byte[] raw = TestMail.create().text("").html(html).bytes();
        var mail = MailParser.parse(raw);
        String text = ReplyText.newText(new MailAnatomy.ParsedMail(mail.headers(), null, mail.htmlBody(),
                List.of(), List.of(), mail.contentType(), null, List.of()));
        assertThat(text).isEqualTo("No record of this person on our systems.");
        assertThat(ReplyText.findPhrase(text, PHRASES)).contains("no record of");
    }

    @Test
    void aForwardedReplyIsReadToo() {
        byte[] inner = TestMail.create().from("nurse@nelft.nhs.uk").subject("RE: [OP-2026-0007/NELFT]")
                .text("Not known to NELFT.\n\n-----Original Message-----\n" + ORIGINAL).bytes();
        byte[] outer = TestMail.create().from("admin@nelft.nhs.uk").subject("FW: RE: [OP-2026-0007/NELFT]")
                .text("Forwarding our answer, see below.").attachMessage(inner).bytes();
        String text = ReplyText.newText(MailParser.parse(outer));
        assertThat(text).isEqualTo("Forwarding our answer, see below.\nNot known to NELFT.");
    }

}
