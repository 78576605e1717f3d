package uk.gov.redbridge.onepanel.mailbox.internal;

import uk.gov.redbridge.onepanel.testing.MailServerClient;

/** Hands raw message bytes to an SMTP server unchanged, as another organisation's mail server would. */
final class SmtpDelivery {

    private SmtpDelivery() {
    }

    static void deliver(int port, byte[] raw, String... recipients) {
        new MailServerClient("127.0.0.1", port, 0).deliver(raw, recipients);
    }
}
