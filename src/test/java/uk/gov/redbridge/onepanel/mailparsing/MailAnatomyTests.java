package uk.gov.redbridge.onepanel.mailparsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import uk.gov.redbridge.onepanel.mailparsing.parser.MailParser;
import uk.gov.redbridge.onepanel.testing.TestMail;

class MailAnatomyTests {

    @Test
    void readsBodyAndAttachments() {
        byte[] raw = TestMail.create().text("Hello").html("<p>Hello</p>")
                .attach("form.docx", "application/octet-stream", new byte[] {1, 2, 3}).bytes();
        MailAnatomy.ParsedMail mail = MailParser.parse(raw);
        assertThat(mail.textBody()).contains("Hello");
        assertThat(mail.htmlBody()).contains("<p>Hello</p>");
        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("form.docx");
            assertThat(a.content()).containsExactly(1, 2, 3);
            assertThat(a.insideForwardedMessage()).isFalse();
        });
        assertThat(mail.problems()).isEmpty();
    }

    @Test
    void decodesRfc2231AndRfc2047FileNames() {
        String raw = """
                From: a@nhs.net
                To: b@redbridge.gov.uk
                Subject: =?UTF-8?B?UsOpZsOpcmFs?=
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="X"

                --X
                Content-Type: text/plain; charset=utf-8

                body
                --X
                Content-Type: application/pdf
                Content-Disposition: attachment; filename*=UTF-8''R%C3%A9f%C3%A9rral%20form.pdf
                Content-Transfer-Encoding: base64

                AQID
                --X
                Content-Type: application/pdf; name="=?UTF-8?Q?Chronolog=C3=ADe.pdf?="
                Content-Disposition: attachment
                Content-Transfer-Encoding: base64

                AQID
                --X--
                """.replace("\n", "\r\n");
        MailAnatomy.ParsedMail mail = MailParser.parse(raw.getBytes(StandardCharsets.US_ASCII));
        assertThat(mail.header("Subject")).isEqualTo("Référal");
        assertThat(mail.attachments()).extracting(MailAnatomy.MailAttachment::fileName)
                .containsExactly("Référral form.pdf", "Chronologíe.pdf");
    }

    @Test
    void findsAttachmentsInsideAForwardedMessage() {
        byte[] inner = TestMail.create().subject("Referral").text("Original body")
                .attach("referral.doc", "application/msword", new byte[] {9}).bytes();
        byte[] outer = TestMail.create().subject("FW: Referral").text("Forwarding").attachMessage(inner).bytes();
        MailAnatomy.ParsedMail mail = MailParser.parse(outer);
        assertThat(mail.textBody()).contains("Forwarding");
        assertThat(mail.forwardedBodies()).singleElement().asString().contains("Original body");
        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("referral.doc");
            assertThat(a.insideForwardedMessage()).isTrue();
        });
    }

    @Test
    void toleratesBrokenBoundariesAndUnknownCharsets() {
        String raw = """
                From: a@nhs.net
                Subject: broken
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="never-closed"

                --never-closed
                Content-Type: text/plain; charset=x-no-such-charset

                caf\u00e9
                --never-closed
                Content-Type: application/pdf; name=a.pdf
                Content-Transfer-Encoding: base64

                !!!not base64!!!
                """.replace("\n", "\r\n");
        MailAnatomy.ParsedMail mail = MailParser.parse(raw.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(mail.textBody()).contains("caf");
        assertThat(mail.problems()).anySatisfy(p -> assertThat(p).contains("unknown character set"));
        assertThat(mail.attachments()).hasSize(1);
    }

    @Test
    void stopsAtAReasonableDepth() {
        StringBuilder sb = new StringBuilder("From: a@nhs.net\r\nSubject: deep\r\nMIME-Version: 1.0\r\n");
        int depth = 1000;
        for (int i = 0; i < depth; i++) {
            sb.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b").append(i)
                    .append("\r\n");
        }
        sb.append("Content-Type: text/plain\r\n\r\ndeep body\r\n");
        MailAnatomy.ParsedMail mail = MailParser.parse(sb.toString().getBytes(StandardCharsets.US_ASCII));
        assertThat(mail.problems()).isNotEmpty();
    }

    @Test
    void notAnEmailAtAllGivesProblemsNotExceptions() {
        MailAnatomy.ParsedMail mail = MailParser.parse(new byte[] {0, 1, 2, (byte) 0xff, 0x50, 0x4b});
        assertThat(mail.attachments()).isNotNull();
        assertThat(MailParser.parse(new byte[0]).body()).isEmpty();
    }
}
