package uk.gov.redbridge.onepanel.exceptions;

import java.util.Arrays;
import java.util.Locale;

/** Why something is in the queue, with the plain words the secretariat sees. */
public enum ExceptionReason {
    ENCRYPTED("Password-protected attachment", "Ask the referrer to send an unprotected copy, then create the referral."),
    CORRUPT("Damaged or unreadable file", "Ask the sender for a new copy."),
    EMPTY("Empty message or file", "Check the email; mark it not a referral if there is nothing to do."),
    NOT_A_FORM("No referral form in the document", "Check the attachments; create the referral by hand if one is a form."),
    NO_FORM_FOUND("No referral form found in the email", "Read the email: create a referral, attach it to a case, or mark it not a referral."),
    NEEDS_OCR("Scanned form needs text recognition", "Text recognition is not installed: create the referral by hand."),
    TOO_LARGE("Too large to process", "Ask the sender to send smaller files, or create the referral by hand."),
    TIMEOUT("Took too long to read", "Retry, or create the referral by hand."),
    MALFORMED("Message could not be read", "Open the original email and decide by hand."),
    FETCH_FAILED("Message could not be fetched from the mailbox", "Open it in the mailbox; forward it to the panel mailbox again if needed."),
    STORE_FAILED("Message could not be stored", "Open it in the mailbox; forward it to the panel mailbox again if needed."),
    UNMATCHED_REPLY("Reply not matched to a case", "Attach it to the right referral or request."),
    AMBIGUOUS_REPLY("Reply could belong to more than one case", "Attach it to the right referral or request."),
    REPLY_FROM_UNKNOWN_DOMAIN("Reply to a request from a domain not in the directory", "If it is genuine, attach it to the agency's request; otherwise mark it handled."),
    REPLY_TO_CLOSED_REQUEST("Reply to a request already answered or cancelled", "Read it: it may add to or change the agency's return."),
    DELIVERY_FAILURE("Email not delivered (bounce)", "Check the recipient's address; resend or contact them another way."),
    OUTBOUND_BLOCKED("Email not sent: recipient not allowed", "Check the address; add the domain to the allowed list only if it is secure."),
    OUTBOUND_FAILED("Email could not be sent", "Check the address and the mail server; resend when fixed."),
    OUTBOUND_UNCERTAIN("Email may not have been sent", "Check with the recipient whether it arrived, then confirm or resend."),
    INFORMATION_REPLY("Referrer replied: information still missing", "Read the reply and complete the referral."),
    STUCK("The service could not finish this by itself", "Read the email: read it again, or do by hand what it needed (create the referral, send the acknowledgement)."),
    // issue 11: hostile input and storms
    TOO_COMPLEX("Too complex to read in time", "Open the original email (kept as it arrived) and decide by hand; if it is a referral, ask for it again in a simpler form."),
    SEVERAL_PEOPLE("Forms about more than one person in one email", "Create one referral per person by hand, each with only its own form."),
    LOOP_GUARD("Automatic emails held back (loop guard)", "Check the address: an auto-responder or a mail loop. Nothing more goes to it this hour."),
    OTHER("Needs a person to look", "Read the evidence and decide.");

    private final String title;
    private final String action;

    ExceptionReason(String title, String action) {
        this.title = title;
        this.action = action;
    }

    public String title() {
        return title;
    }

    /** What usually resolves it. */
    public String action() {
        return action;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ExceptionReason fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equalsIgnoreCase(code)).findFirst().orElse(OTHER);
    }
}
