package uk.gov.redbridge.onepanel.mailbox.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Hands raw message bytes to an SMTP server unchanged, as another organisation's mail server would. */
final class SmtpDelivery {

    private SmtpDelivery() {
    }

    static void deliver(int port, byte[] raw, String... recipients) throws MessagingException {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", Integer.toString(port));
        p.setProperty("mail.smtp.from", "ann.example@nhs-trust.example");
        Session session = Session.getInstance(p);
        Address[] to = new Address[recipients.length];
        for (int i = 0; i < recipients.length; i++) {
            to[i] = new InternetAddress(recipients[i]);
        }
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(new AsIs(session, raw), to);
        }
    }

    /** A message that writes exactly the given bytes. */
    private static final class AsIs extends MimeMessage {
        private final byte[] raw;

        AsIs(Session session, byte[] raw) {
            super(session);
            this.raw = raw;
        }

        @Override
        public void writeTo(OutputStream os, String[] ignoreList) throws IOException {
            os.write(raw);
        }

        @Override
        public void writeTo(OutputStream os) throws IOException {
            os.write(raw);
        }
    }
}
