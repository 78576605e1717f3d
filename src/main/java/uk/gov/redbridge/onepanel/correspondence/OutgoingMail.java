package uk.gov.redbridge.onepanel.correspondence;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An email to queue. The body and the subject are rendered from {@code mail-templates/<template>.*} with the model.
 * Subject templates must not use personal data (names, dates of birth): they carry references and agency codes.
 *
 * @param fromMailbox       the panel mailbox (account name) that sends it, e.g. {@code rsab}
 * @param replyTo           a Reply-To address (e.g. a per-request plus-address on the panel mailbox), or null
 * @param inReplyTo         the Message-ID this answers (with angle brackets), or null
 * @param references        the References chain, oldest first
 * @param referralReference the referral this mail belongs to, or null
 * @param correlation       what the mail is about, for matching replies: e.g. {@code acknowledgement},
 *                          {@code request:<uuid>}
 */
public record OutgoingMail(String template, Map<String, Object> model, String fromMailbox, List<String> to,
        List<String> cc, String replyTo, String inReplyTo, List<String> references,
        List<OutgoingAttachment> attachments, String referralReference, String correlation) {

    public OutgoingMail {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(fromMailbox, "fromMailbox");
        model = model == null ? Map.of() : Map.copyOf(model);
        to = List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        references = references == null ? List.of() : List.copyOf(references);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A plain mail to some recipients, with no threading or attachments. */
    public static OutgoingMail of(String template, Map<String, Object> model, String fromMailbox, List<String> to,
            String referralReference, String correlation) {
        return new OutgoingMail(template, model, fromMailbox, to, List.of(), null, null, List.of(), List.of(),
                referralReference, correlation);
    }
}
