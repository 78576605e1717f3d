package uk.gov.redbridge.onepanel.mailbox.internal;

import java.util.Locale;

/** Why a mailbox could not be checked, as shown in health (no personal data, no server text). */
enum FailureKind {
    /** The server could not be reached, or the connection broke (network, DNS, TLS, timeout). */
    UNREACHABLE,
    /** The server or the identity provider refused the credentials (password, secret, consent, permission). */
    AUTHENTICATION,
    /** Anything else (a folder that cannot be opened, a database error). */
    OTHER;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
