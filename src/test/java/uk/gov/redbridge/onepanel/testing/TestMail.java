package uk.gov.redbridge.onepanel.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * Builds test emails (fictional people only) as Jakarta Mail messages or RFC 822 bytes: the project's own fixtures,
 * made by code rather than copied from anywhere.
 */
public final class TestMail {

    private static final Session SESSION = Session.getInstance(new Properties());

    private String from = "Pat Example <pat.example@nhs.net>";
    private final List<String> to = new ArrayList<>(List.of("RedbridgeOnePanel@redbridge.gov.uk"));
    private final List<String> cc = new ArrayList<>();
    private String subject = "Referral";
    private String text = "Please see attached.";
    private String html;
    private String messageId = "<" + UUID.randomUUID() + "@mail.nhs.example>";
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<MimeBodyPart> attachments = new ArrayList<>();

    private TestMail() {
    }

    public static TestMail create() {
        return new TestMail();
    }

    public TestMail from(String from) {
        this.from = from;
        return this;
    }

    public TestMail to(String... to) {
        this.to.clear();
        this.to.addAll(List.of(to));
        return this;
    }

    public TestMail cc(String... cc) {
        this.cc.addAll(List.of(cc));
        return this;
    }

    public TestMail subject(String subject) {
        this.subject = subject;
        return this;
    }

    public TestMail text(String text) {
        this.text = text;
        return this;
    }

    public TestMail html(String html) {
        this.html = html;
        return this;
    }

    public TestMail messageId(String messageId) {
        this.messageId = messageId;
        return this;
    }

    public TestMail header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public TestMail attach(String fileName, String contentType, byte[] content) {
        try {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, contentType)));
            part.setFileName(MimeUtility.encodeText(fileName, "UTF-8", null));
            part.setDisposition(MimeBodyPart.ATTACHMENT);
            attachments.add(part);
            return this;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Forwards another message inside this one, as {@code message/rfc822}. */
    public TestMail attachMessage(byte[] rfc822) {
        try {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(rfc822, "message/rfc822")));
            part.setDisposition(MimeBodyPart.ATTACHMENT);
            attachments.add(part);
            return this;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public MimeMessage build() {
        try {
            String id = messageId;
            MimeMessage m = new MimeMessage(SESSION) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    if (id != null) {
                        setHeader("Message-ID", id);
                    } else {
                        removeHeader("Message-ID");
                    }
                }
            };
            m.setFrom(new InternetAddress(from));
            for (String t : to) {
                m.addRecipient(Message.RecipientType.TO, new InternetAddress(t));
            }
            for (String c : cc) {
                m.addRecipient(Message.RecipientType.CC, new InternetAddress(c));
            }
            m.setSubject(subject, "UTF-8");
            m.setSentDate(new Date());
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart textPart = new MimeBodyPart();
            textPart.setText(text, "UTF-8");
            alternative.addBodyPart(textPart);
            if (html != null) {
                MimeBodyPart htmlPart = new MimeBodyPart();
                htmlPart.setContent(html, "text/html; charset=UTF-8");
                alternative.addBodyPart(htmlPart);
            }
            if (attachments.isEmpty()) {
                m.setContent(alternative);
            } else {
                MimeMultipart mixed = new MimeMultipart("mixed");
                MimeBodyPart wrapper = new MimeBodyPart();
                wrapper.setContent(alternative);
                mixed.addBodyPart(wrapper);
                for (MimeBodyPart a : attachments) {
                    mixed.addBodyPart(a);
                }
                m.setContent(mixed);
            }
            for (Map.Entry<String, String> h : headers.entrySet()) {
                m.setHeader(h.getKey(), h.getValue());
            }
            m.saveChanges();
            return m;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] bytes() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            build().writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A referral typed into the email body, in the Appendix E labels ("Label: value" lines). */
    public static String bodyReferral(String firstName, String lastName, String dob, String reason, String contact) {
        StringBuilder sb = new StringBuilder("Please find below a One Panel referral.\n\n");
        sb.append("1. Context for referral to One Panel\n");
        sb.append("Date of this One Panel referral: 12/03/2026\n");
        if (reason != null) {
            sb.append("Summary of reason for referral: ").append(reason).append('\n');
        }
        sb.append("Date of incident/death: 27/02/2026\n\n2. Subject details\n");
        if (firstName != null) {
            sb.append("First name: ").append(firstName).append('\n');
        }
        if (lastName != null) {
            sb.append("Last name: ").append(lastName).append('\n');
        }
        if (dob != null) {
            sb.append("Date of birth: ").append(dob).append('\n');
        }
        sb.append("NHS number: 999 000 0018\n\n5. Referrer details\nName: Pat Example\nAgency: NELFT\n");
        if (contact != null) {
            sb.append("Tel no. / email: ").append(contact).append('\n');
        }
        return sb.toString();
    }

    /**
     * An RFC 3464 delivery failure report, as a mail server sends back: the failed recipient, status 5.1.1, and the
     * returned message's headers (its Message-ID and subject).
     */
    public static byte[] deliveryFailureReport(String to, String failedRecipient, String originalMessageId,
            String originalSubject) {
        String report = ("From: Mail Delivery System <MAILER-DAEMON@mx.delivery.example>\n"
                + "To: " + to + "\n"
                + "Subject: Undelivered Mail Returned to Sender\n"
                + "Message-ID: <bounce-" + UUID.randomUUID() + "@mx.delivery.example>\n"
                + "MIME-Version: 1.0\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n"
                + "--B\nContent-Type: text/plain\n\nYour message could not be delivered.\n"
                + "--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.delivery.example\n\n"
                + "Final-Recipient: rfc822; " + failedRecipient + "\nAction: failed\nStatus: 5.1.1\n\n"
                + "--B\nContent-Type: text/rfc822-headers\n\nMessage-ID: " + originalMessageId + "\n"
                + "Subject: " + originalSubject + "\n\n--B--\n").replace("\n", "\r\n");
        return report.getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
