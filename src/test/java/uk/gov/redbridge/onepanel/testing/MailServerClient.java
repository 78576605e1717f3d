package uk.gov.redbridge.onepanel.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * What the outside world does to the service's mail server in end-to-end tests: deliver mail over SMTP exactly as
 * given (as another organisation's server would), and read a mailbox over IMAP (the embedded server's login and
 * password are the address).
 */
public final class MailServerClient {

    private final String host;
    private final int smtpPort;
    private final int imapPort;

    public MailServerClient(String host, int smtpPort, int imapPort) {
        this.host = host;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    public void deliver(byte[] raw, String... recipients) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", host);
        p.setProperty("mail.smtp.port", Integer.toString(smtpPort));
        p.setProperty("mail.smtp.from", "sender@nhs-trust.example");
        Session session = Session.getInstance(p);
        try (Transport transport = session.getTransport("smtp")) {
            Address[] to = new Address[recipients.length];
            for (int i = 0; i < recipients.length; i++) {
                to[i] = new InternetAddress(recipients[i]);
            }
            transport.connect();
            transport.sendMessage(new AsIs(session, raw), to);
        } catch (MessagingException e) {
            throw new IllegalStateException("could not deliver test mail", e);
        }
    }

    /** Every message in a mailbox's folder, oldest first, as raw bytes; none if the mailbox does not exist yet. */
    public List<byte[]> read(String address, String folder) {
        Properties p = new Properties();
        p.setProperty("mail.imap.host", host);
        p.setProperty("mail.imap.port", Integer.toString(imapPort));
        Session session = Session.getInstance(p);
        List<byte[]> out = new ArrayList<>();
        try (Store store = session.getStore("imap")) {
            store.connect(host, imapPort, address, address);
            Folder f = store.getFolder(folder);
            if (!f.exists()) {
                return out;
            }
            f.open(Folder.READ_ONLY);
            for (Message m : f.getMessages()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                m.writeTo(bytes);
                out.add(bytes.toByteArray());
            }
            f.close(false);
        } catch (jakarta.mail.AuthenticationFailedException e) {
            return out;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("could not read test mailbox", e);
        }
        return out;
    }

    public List<byte[]> inbox(String address) {
        return read(address, "INBOX");
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
