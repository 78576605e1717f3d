package uk.gov.redbridge.onepanel.mailbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded server delivers plus-addressed mail to the base mailbox, and makes a mailbox for any address. */
class PlusAddressDeliveryTests {

    private GreenMailServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestSettings.startedMailServer("RSAB@redbridge.gov.uk");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void mailToAPlusAddressLandsInTheBaseMailbox() throws Exception {
        send("RSAB+op-2026-0001-nelft@redbridge.gov.uk");

        try (ImapClient rsab = client("RSAB@redbridge.gov.uk")) {
            assertThat(rsab.count("INBOX")).isEqualTo(1);
        }
        assertThat(server.greenMail().getUserManager().hasUser("RSAB+op-2026-0001-nelft@redbridge.gov.uk")).isFalse();
    }

    @Test
    void mailToAnUnknownAddressCreatesItsMailboxWithTheAddressAsLoginAndPassword() throws Exception {
        send("Elif.Example@NHS-Trust.example");

        try (ImapClient referrer = client("Elif.Example@NHS-Trust.example")) {
            assertThat(referrer.count("INBOX")).isEqualTo(1);
        }
    }

    @Test
    void strippingTheTagKeepsEverythingElse() {
        assertThat(PlusAddressDelivery.withoutTag("RSAB+op-1@redbridge.gov.uk")).isEqualTo("RSAB@redbridge.gov.uk");
        assertThat(PlusAddressDelivery.withoutTag("john--smith@x.example")).isEqualTo("john--smith@x.example");
        assertThat(PlusAddressDelivery.withoutTag("+x@y.example")).isEqualTo("+x@y.example");
    }

    private void send(String to) throws Exception {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", Integer.toString(server.info().smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(p));
        message.setFrom(new InternetAddress("ann.example@nhs-trust.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("test");
        message.setText("test");
        Transport.send(message);
    }

    private ImapClient client(String address) throws Exception {
        return new ImapClient("127.0.0.1", server.info().imapPort(), address);
    }
}
