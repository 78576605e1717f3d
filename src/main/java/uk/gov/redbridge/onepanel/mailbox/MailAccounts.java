package uk.gov.redbridge.onepanel.mailbox;

import java.util.List;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.springframework.stereotype.Service;

/** TEMPORARY SHIM (lead): replaced by the mailbox branch. */
@Service
public class MailAccounts {

    private final List<MailAccount> accounts = List.of(
            new MailAccount("onepanel", "RedbridgeOnePanel@redbridge.gov.uk"),
            new MailAccount("rsab", "RSAB@redbridge.gov.uk"),
            new MailAccount("rscp", "RedbridgeSCP@redbridge.gov.uk"));

    public List<MailAccount> accounts() {
        return accounts;
    }

    public Optional<MailAccount> byName(String name) {
        return accounts.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public Optional<MailAccount> owningAddress(String address) {
        String plain = address.toLowerCase().replaceAll("\\+[^@]*@", "@");
        return accounts.stream().filter(a -> a.address().equalsIgnoreCase(plain)).findFirst();
    }

    public void send(String accountName, MimeMessage message) throws MessagingException {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", System.getProperty("shim.smtp.port", "3025"));
        Session s = Session.getInstance(p);
        Transport.send(new MimeMessage(s, toStream(message)) {
            @Override
            protected void updateMessageID() throws MessagingException {
            }
        });
    }

    private static java.io.InputStream toStream(MimeMessage m) throws MessagingException {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            m.writeTo(out);
            return new java.io.ByteArrayInputStream(out.toByteArray());
        } catch (java.io.IOException e) {
            throw new MessagingException("io", e);
        }
    }
}
