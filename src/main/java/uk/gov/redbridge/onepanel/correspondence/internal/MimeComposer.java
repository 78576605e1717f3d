package uk.gov.redbridge.onepanel.correspondence.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import java.time.Clock;
import java.util.Date;
import java.util.List;
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

import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.correspondence.Correspondence;
import uk.gov.redbridge.onepanel.correspondence.OutgoingAttachment;

/** Builds the bytes of an outgoing email, headers that keep loops away included. */
@Component
class MimeComposer {


    private final Session session = Session.getInstance(new Properties());
    private final CorrespondenceSettings settings;
    private final Clock clock;

    MimeComposer(CorrespondenceSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    record Envelope(String fromAddress, List<String> to, List<String> cc, String replyTo, String inReplyTo,
            List<String> references) {
    }

    String newMessageId() {
        return "<" + UUID.randomUUID() + "@" + settings.messageIdDomain() + ">";
    }

    byte[] compose(String messageId, Envelope envelope, MailTemplates.Rendered content,
            List<OutgoingAttachment> attachments) {
        try {
            MimeMessage message = new StableMimeMessage(session, messageId);
            message.setFrom(new InternetAddress(envelope.fromAddress(), settings.fromName(), "UTF-8"));
            message.setRecipients(Message.RecipientType.TO, addresses(envelope.to()));
            if (!envelope.cc().isEmpty()) {
                message.setRecipients(Message.RecipientType.CC, addresses(envelope.cc()));
            }
            if (envelope.replyTo() != null) {
                message.setReplyTo(addresses(List.of(envelope.replyTo())));
            }
            message.setSubject(content.subject(), "UTF-8");
            message.setSentDate(Date.from(clock.instant()));
            // RFC 3834: automatic mail; Exchange is asked not to answer it with out-of-office replies
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setHeader("X-Auto-Response-Suppress", "All");
            message.setHeader(Correspondence.LOOP_HEADER, settings.loopToken());
            if (envelope.inReplyTo() != null) {
                message.setHeader("In-Reply-To", envelope.inReplyTo());
            }
            if (!envelope.references().isEmpty()) {
                message.setHeader("References", MimeUtility.fold(12, String.join(" ", envelope.references())));
            }
            MimeMultipart body = alternative(content);
            if (attachments.isEmpty()) {
                message.setContent(body);
            } else {
                MimeMultipart mixed = new MimeMultipart("mixed");
                MimeBodyPart wrapper = new MimeBodyPart();
                wrapper.setContent(body);
                mixed.addBodyPart(wrapper);
                for (OutgoingAttachment a : attachments) {
                    MimeBodyPart part = new MimeBodyPart();
                    part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.content(), a.contentType())));
                    part.setFileName(MimeUtility.encodeText(a.fileName(), "UTF-8", null));
                    part.setDisposition(MimeBodyPart.ATTACHMENT);
                    mixed.addBodyPart(part);
                }
                message.setContent(mixed);
            }
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalArgumentException("could not build the email: " + e.getMessage(), e);
        }
    }

    private static MimeMultipart alternative(MailTemplates.Rendered content) throws MessagingException {
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(content.text(), "UTF-8");
        alternative.addBodyPart(text);
        if (content.html() != null) {
            MimeBodyPart html = new MimeBodyPart();
            html.setContent(content.html(), "text/html; charset=UTF-8");
            alternative.addBodyPart(html);
        }
        return alternative;
    }

    private static InternetAddress[] addresses(List<String> list) throws MessagingException {
        InternetAddress[] out = new InternetAddress[list.size()];
        for (int i = 0; i < list.size(); i++) {
            out[i] = new InternetAddress(list.get(i), true);
        }
        return out;
    }

    MimeMessage read(byte[] bytes) throws MessagingException {
        return new StableMimeMessage(session, new java.io.ByteArrayInputStream(bytes));
    }

}
