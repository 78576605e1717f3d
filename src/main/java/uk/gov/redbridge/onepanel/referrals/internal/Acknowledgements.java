package uk.gov.redbridge.onepanel.referrals.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import uk.gov.redbridge.onepanel.correspondence.Correspondence;
import uk.gov.redbridge.onepanel.correspondence.OutgoingMail;
import uk.gov.redbridge.onepanel.correspondence.QueuedMail;
import uk.gov.redbridge.onepanel.mailbox.InboundMessage;
import uk.gov.redbridge.onepanel.mailbox.MailAccounts;
import uk.gov.redbridge.onepanel.referrals.Referral;

/**
 * The acknowledgement a referrer gets: the reference, what happens next, and what is missing if anything is. It is
 * sent from the mailbox the referral came to, threaded onto the referral email, with a reply address that carries
 * the reference (so the referrer's answer finds its referral even if their client drops the threading headers).
 * The subject line carries the reference only, never the subject's name.
 */
@Component
class Acknowledgements {

    static final String RECEIVED_TEMPLATE = "acknowledgement";
    static final String NEEDS_INFORMATION_TEMPLATE = "acknowledgement-needs-information";
    static final String CORRELATION = "acknowledgement";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final Correspondence correspondence;
    private final MailAccounts accounts;
    private final Clock clock;

    Acknowledgements(Correspondence correspondence, MailAccounts accounts, Clock clock) {
        this.correspondence = correspondence;
        this.accounts = accounts;
        this.clock = clock;
    }

    QueuedMail send(Referral referral, InboundMessage original, String replyAddress) {
        String mailboxAddress = accounts.byName(referral.mailbox()).map(a -> a.address()).orElse(null);
        Map<String, Object> model = new HashMap<>();
        model.put("reference", referral.reference().toString());
        model.put("pathway", referral.pathway().label());
        model.put("subjectInitials", referral.subject().initials());
        model.put("receivedDate", DATE.format(referral.receivedAt().atZone(zone())));
        model.put("missing", referral.missingFields());
        model.put("mailboxAddress", mailboxAddress);
        String template = referral.missingFields().isEmpty() ? RECEIVED_TEMPLATE : NEEDS_INFORMATION_TEMPLATE;
        List<String> references = new ArrayList<>();
        if (original.messageIdHeader() != null) {
            references.add(original.messageIdHeader());
        }
        return correspondence.queue(new OutgoingMail(template, model, referral.mailbox(), List.of(replyAddress),
                List.of(), plusAddress(mailboxAddress, referral.reference().toString()), original.messageIdHeader(),
                references, List.of(), referral.reference().toString(), CORRELATION));
    }

    /** {@code RedbridgeOnePanel+op-2026-0001@redbridge.gov.uk}: Exchange delivers it to the panel mailbox. */
    static String plusAddress(String mailboxAddress, String tag) {
        if (mailboxAddress == null) {
            return null;
        }
        int at = mailboxAddress.indexOf('@');
        return mailboxAddress.substring(0, at) + "+" + tag.toLowerCase(Locale.ROOT) + mailboxAddress.substring(at);
    }

    private ZoneId zone() {
        return clock.getZone();
    }
}
