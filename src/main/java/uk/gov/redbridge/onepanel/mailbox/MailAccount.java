package uk.gov.redbridge.onepanel.mailbox;

import java.util.Locale;

/**
 * One panel mailbox the service reads and sends from. Holds no secrets.
 *
 * @param name            the configured name, e.g. {@code onepanel}, {@code rsab}, {@code rscp}; stored with every
 *                        message taken from it ({@link InboundMessage#mailbox()})
 * @param address         the mailbox's own address, e.g. {@code RSAB@redbridge.gov.uk}: what mail from it is sent as
 * @param user            the login (for Microsoft 365 the shared mailbox address, sent in the XOAUTH2 {@code user=})
 * @param authentication  how the service logs in to the IMAP and SMTP servers
 * @param inboxFolder     the folder new mail is taken from
 * @param processedFolder the folder a message is moved to once it is stored
 */
public record MailAccount(String name, String address, MailEndpoint imap, MailEndpoint smtp, String user,
        Authentication authentication, String inboxFolder, String processedFolder) {

    public enum Authentication {
        /** A password (the embedded server, or a server other than Microsoft 365). */
        PASSWORD,
        /** SASL XOAUTH2 with an app-only token for Microsoft 365 (client credentials). */
        OAUTH2
    }

    /**
     * Whether mail to this address lands in this mailbox: the same address, ignoring case and any {@code +tag}
     * after the local part ({@code RSAB+op-2026-0001@redbridge.gov.uk} lands in {@code RSAB@redbridge.gov.uk}).
     */
    public boolean receivesFor(String someAddress) {
        return someAddress != null && withoutTag(someAddress).equals(withoutTag(address));
    }

    /** The address lower-cased, without a {@code +tag} in its local part. */
    public static String withoutTag(String address) {
        String a = address.trim().toLowerCase(Locale.ROOT);
        int at = a.lastIndexOf('@');
        if (at < 0) {
            return a;
        }
        int plus = a.indexOf('+');
        return plus > 0 && plus < at ? a.substring(0, plus) + a.substring(at) : a;
    }
}
