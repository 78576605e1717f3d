package uk.gov.redbridge.onepanel.requests.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.gov.redbridge.onepanel.mailparsing.parser.MailParser;
import uk.gov.redbridge.onepanel.mailparsing.MailAnatomy;
import uk.gov.redbridge.onepanel.testing.Documents;
import uk.gov.redbridge.onepanel.testing.TestMail;
import uk.gov.redbridge.onepanel.testing.TnefFile;

class ReturnPartsTests {

    @Test
    void aWinmailDatIsUnpackedIntoItsFiles() {
        byte[] chronology = Documents.docx("Chronology of contacts");
        byte[] letter = Documents.pdf("Letter");
        byte[] winmail = TnefFile.create().file("Chronology NELFT.docx", chronology).file("letter.pdf", letter).bytes();
        byte[] raw = TestMail.create().text("Our return, from Outlook.").attach("winmail.dat", "application/ms-tnef", winmail)
                .bytes();

        List<ReturnParts.Part> parts = ReturnParts.of(MailParser.parse(raw));

        assertThat(parts).extracting(ReturnParts.Part::fileName)
                .containsExactly("reply.txt", "Chronology NELFT.docx", "letter.pdf");
        assertThat(parts.get(1).content()).isEqualTo(chronology);
        assertThat(parts.get(1).contentType()).isEqualTo(Documents.DOCX);
        assertThat(parts.get(2).contentType()).isEqualTo(Documents.PDF);
        assertThat(parts.get(1).path()).endsWith("/tnef/1");
        assertThat(ReturnParts.hasDocuments(parts)).isTrue();
        assertThat(ReturnParts.find(MailParser.parse(raw), parts.get(2).path())).get()
                .extracting(ReturnParts.Part::content).isEqualTo(letter);
    }

    @Test
    void aWinmailDatThatCannotBeReadIsKeptWhole() {
        byte[] broken = "not TNEF at all".getBytes(StandardCharsets.US_ASCII);
        byte[] raw = TestMail.create().text("x").attach("winmail.dat", "application/ms-tnef", broken).bytes();

        List<ReturnParts.Part> parts = ReturnParts.of(MailParser.parse(raw));

        assertThat(parts).extracting(ReturnParts.Part::fileName).containsExactly("reply.txt", "winmail.dat");
        assertThat(parts.get(1).content()).isEqualTo(broken);
        assertThat(parts.get(1).document()).isTrue();
    }

    @Test
    void theTextAndForwardedMessagesAreKeptButAreNotDocuments() {
        byte[] inner = TestMail.create().text("Inner answer").attach("logo.png", "image/png", new byte[] {1, 2, 3})
                .bytes();
        byte[] raw = TestMail.create().text("See below").attachMessage(inner).bytes();

        List<ReturnParts.Part> parts = ReturnParts.of(MailParser.parse(raw));

        assertThat(parts).extracting(ReturnParts.Part::fileName)
                .containsExactly("reply.txt", "forwarded-message-1.txt", "logo.png");
        assertThat(new String(parts.get(1).content(), StandardCharsets.UTF_8)).isEqualTo("Inner answer");
        assertThat(ReturnParts.hasDocuments(parts)).isFalse();
    }
}
